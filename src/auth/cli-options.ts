/** The auth flags, the same on every command that talks to a provider (cleanup, verify). */
import type { Command } from 'commander';

export function addAuthOptions(cmd: Command, opts: { withToken?: boolean } = {}): Command {
  if (opts.withToken !== false) cmd.option('--token <token>', 'bearer token for the provider (default: $GRAPH_TOKEN); never written anywhere');
  return cmd
    .option('--tenant-id <id>', 'Entra ID tenant for client credentials (default: $AZURE_TENANT_ID)')
    .option('--client-id <id>', 'application (client) id for client credentials (default: $AZURE_CLIENT_ID)')
    .option('--client-secret <secret>', 'client secret (default: $AZURE_CLIENT_SECRET); never written anywhere')
    .option('--client-certificate <pem>', 'PEM file with the client certificate and its private key (default: $AZURE_CLIENT_CERTIFICATE_PATH)');
}
