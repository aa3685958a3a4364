/**
 * `graphpact contracts`: writes the Pact V4 consumer contract(s) (contracts/graphpact-graph.json) by
 * driving the typed Graph client against Pact's mock server; the same definitions as
 * specs/consumer.pact.spec.ts. Deterministic: same docs and schemas, same bytes.
 */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { PROJECT_ROOT, writeContracts, type WrittenContracts } from '../../contracts/index.js';
import { redactText } from '../../util/redact.js';
import { selectionOf } from '../../select/index.js';
import { action, addFormatOption, collect, EXIT, reportCouldNotRun, type OutputFormat } from '../command.js';

interface ContractsOptions {
  pactDir?: string;
  docs?: string[];
  operations?: string;
  version?: string;
  schemas?: string;
  format: OutputFormat;
}

export function contractsCommand(): Command {
  const cmd = new Command('contracts')
    .description('write the Pact V4 consumer contracts from the documented examples and the JSON Schemas')
    .option('--pact-dir <dir>', "where the contracts go (default: the package's contracts/)")
    .option('--docs <dir>', "docs directory (repeatable; default: the package's apidocs/)", collect)
    .option('--operations <sel>', 'operations to contract: operationId globs, path globs, @file, !term (default: the seed operations, sideLoadingKey create and addKey)')
    .option('--version <version>', 'API version of the selected operations (the provider base URL carries it)', 'beta')
    .option('--schemas <dir>', "built schemas directory (default: the package's schemas/, or built in memory from --docs)");
  addFormatOption(cmd);
  return cmd.action(action(async (opts: ContractsOptions) => {
    const started = performance.now();
    const pactDir = opts.pactDir ?? resolve(PROJECT_ROOT, 'contracts');
    let written: WrittenContracts;
    try {
      const selection = opts.operations !== undefined ? selectionOf(opts.operations) : undefined;
      written = await writeContracts({
        pactDir,
        ...(selection ? { selection, version: opts.version } : {}),
        ...(opts.docs && opts.docs.length > 0 ? { docs: opts.docs } : {}),
        ...(opts.schemas ? { schemas: opts.schemas } : {}),
      });
    } catch (err) {
      // Bad inputs (missing docs or schemas, a stale or malformed erratum — DocsDirError,
      // ContractSourceError) and a client that fails its own contract: one line, exit 2, nothing written.
      const message = err instanceof Error ? err.message : String(err);
      return reportCouldNotRun('graphpact contracts', message.split('\n')[0], opts.format);
    }
    const summary = { files: written.files, interactions: written.interactions, durationMs: Math.round(performance.now() - started) };
    const text = opts.format === 'json'
      ? JSON.stringify(summary, null, 2) + '\n'
      : `graphpact contracts: ${summary.interactions.length} interactions → ${summary.files.join(', ')}\n${summary.interactions.map((i) => `  ${i}`).join('\n')}\n`;
    process.stdout.write(redactText(text));
    return EXIT.ok;
  }));
}
