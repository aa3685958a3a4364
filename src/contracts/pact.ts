/**
 * Running the interactions against Pact's real mock server (PactV4) with the typed client, and
 * writing the contract. Shared by the mocha spec (specs/consumer.pact.spec.ts) and `writeContracts`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PactV4, MatchersV3 } from '@pact-foundation/pact';
import { createGraphClient } from '../client/graph-client.js';
import { isGraphErrorBody } from '../client/graph-types.js';
import { writeFileAtomic } from '../util/fs.js';
import { exampleOf, pactTemplateOf, type InteractionDefinition } from './interaction.js';
import { contractText } from './normalise.js';
import { BEARER, BEARER_EXAMPLE, GRAPH_CONTENT_TYPE, JSON_CONTENT_TYPE } from './patterns.js';
import { CONSUMER, PROVIDER } from './interactions.js';

// Pact's usage telemetry is off for every graphpact run.
process.env.PACT_DO_NOT_TRACK = 'true';

export const CONTRACT_FILE = `${CONSUMER}-${PROVIDER}.json`;

/** The token the consumer test's client sends to the mock server: never written to the contract (it holds `Bearer {token}`). */
const CONSUMER_TEST_TOKEN = 'consumer-test-token-not-a-secret';

export type PactLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export function createPact(dir: string, logLevel: PactLogLevel = 'error'): PactV4 {
  return new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel });
}

/** Declares one interaction on the pact. */
export function declare(pact: PactV4, def: InteractionDefinition) {
  let pending = pact.addInteraction();
  if (def.state) pending = pending.given(def.state.name, def.state.params);
  for (const state of def.states ?? []) pending = pending.given(state.name, state.params);
  for (const comment of def.comments ?? []) pending = pending.comment(comment);
  const { request, response } = def;
  const pathMatcher = request.path.expression ? MatchersV3.fromProviderState(request.path.expression, request.path.example) : request.path.example;
  return pending
    .uponReceiving(def.description)
    .withRequest(request.method, pathMatcher, (builder) => {
      builder.headers({
        ...(request.bearer ? { Authorization: MatchersV3.regex(BEARER, BEARER_EXAMPLE) } : {}),
        ...(request.body !== undefined ? { 'Content-Type': MatchersV3.regex(JSON_CONTENT_TYPE, 'application/json') } : {}),
      });
      if (request.query) builder.query(request.query);
      if (request.body !== undefined) builder.jsonBody(pactTemplateOf(request.body));
    })
    .willRespondWith(response.status, (builder) => {
      if (!response.body) return;
      builder.headers({ 'Content-Type': MatchersV3.regex(JSON_CONTENT_TYPE, GRAPH_CONTENT_TYPE) });
      builder.jsonBody(response.body.template);
    });
}

/**
 * Runs one interaction: the typed client calls the mock server exactly as a consumer would, and must
 * understand the answer (the documented status, a typed body on success, Graph's error envelope on error).
 */
export async function runInteraction(pact: PactV4, def: InteractionDefinition): Promise<void> {
  await declare(pact, def).executeTest(async (mockServer) => {
    const client = createGraphClient({
      baseUrl: mockServer.url,
      ...(def.request.bearer ? { token: CONSUMER_TEST_TOKEN } : {}),
      timeoutMs: 10_000,
      retry: { maxRetries: 0 },
    });
    try {
      const params = def.state?.params ?? Object.fromEntries((def.states ?? []).map((s) => [s.params.as, s.params.example]));
      const exchange = await def.exercise(client, { path: def.request.path.example, body: exampleOf(def.request.body), params });
      const { status, body } = exchange.response;
      if (status !== def.response.status) {
        throw new Error(`"${def.description}": expected ${def.response.status} from the mock server, got ${status}: ${exchange.response.rawBody.slice(0, 500)}`);
      }
      if (status >= 400 && !isGraphErrorBody(body)) throw new Error(`"${def.description}": the client did not get a Graph error envelope`);
      if (status < 300 && def.response.body && (body === undefined || typeof body !== 'object')) {
        throw new Error(`"${def.description}": the client did not get a JSON object`);
      }
      await matchRecorded(pact, mockServer.port);
    } finally {
      await client.close();
    }
  });
}

/** The part of pact-core's consumer handle we read; PactV4 keeps it in a private field. */
interface MockServerState {
  mockServerMatchedSuccessfully(port: number): boolean;
}

let warnedNoState = false;

/**
 * Waits (up to `timeoutMs`) until the mock server has recorded the request it already answered.
 * Pact 16.3+ (pact-core 19) records matches on an async channel after replying, so under CPU load
 * `executeTest` can read "expected but not received" for a request the client got its answer to
 * (pact-foundation/pact-reference#535, fixed upstream only in releases that need Node 22).
 * Called only after the client accepted the documented answer, so a real mismatch never waits here.
 */
export async function matchRecorded(pact: PactV4, port: number, timeoutMs = 2_000): Promise<boolean> {
  const state = (pact as unknown as { pact?: Partial<MockServerState> }).pact;
  if (typeof state?.mockServerMatchedSuccessfully !== 'function') {
    if (pact instanceof PactV4 && !warnedNoState) {
      warnedNoState = true;
      process.emitWarning('cannot read the Pact mock server state (a pact-js upgrade?): the wait for pact-reference#535 is off', { code: 'GRAPHPACT_PACT_STATE' });
    }
    return false;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (state.mockServerMatchedSuccessfully(port)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Reads what Pact wrote in `pactWorkDir`, normalises it and writes it atomically to `pactDir`. */
export async function finishContract(pactWorkDir: string, pactDir: string, definitions: readonly InteractionDefinition[]): Promise<string> {
  const written = JSON.parse(await readFile(join(pactWorkDir, CONTRACT_FILE), 'utf8'));
  const target = join(pactDir, CONTRACT_FILE);
  await writeFileAtomic(target, contractText(written, definitions, target));
  return target;
}

/** A fresh directory for Pact to write into (Pact merges into an existing file; we always start clean). */
export function pactWorkDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'graphpact-pact-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
