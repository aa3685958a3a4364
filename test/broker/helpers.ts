/** Helpers for the broker/auth/drift tests: run the CLI in-process with env and captured output. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { captureOutput, requireOutsideWorkTree } from '../helpers/cli.js';

export const PACKAGE_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_PACTS = join(PACKAGE_ROOT, 'test/fixtures/broker-stand-in/pacts');

/** The project's contracts/ when written, else undefined. */
export function projectContractsDir(): string | undefined {
  const dir = join(PACKAGE_ROOT, 'contracts');
  return existsSync(dir) && readdirSync(dir).some((n) => n.endsWith('.json')) ? dir : undefined;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const BROKER_ENV = ['PACT_BROKER_BASE_URL', 'PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD', 'GRAPH_TOKEN', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH'];

/** Runs `graphpact <args>` in this process with only `env` set among the broker/auth variables. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  requireOutsideWorkTree(args);
  const saved = new Map<string, string | undefined>();
  for (const key of [...BROKER_ENV, ...Object.keys(env)]) {
    saved.set(key, process.env[key]);
    delete process.env[key];
  }
  Object.assign(process.env, env, { PACT_DO_NOT_TRACK: 'true' });
  try {
    const { result: code, stdout, stderr } = await captureOutput(() => main(args));
    return { code, stdout, stderr };
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A loopback URL where nothing listens (a broker that is down). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return `http://127.0.0.1:${port}`;
}
