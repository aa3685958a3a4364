/**
 * Child process that runs the real Pact verifier (pact_ffi, through @pact-foundation/pact's Verifier).
 * It runs apart from the CLI because the native verifier prints straight to the process's stdout: here
 * that output is captured by the parent (pact.ts), redacted and written to the Pact log, and the CLI's own
 * stdout stays clean (`--format json`). The token arrives over IPC (never argv/env) and is injected by the
 * request filter, so the native verifier never sees it and contracts never hold one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { createGraphClient, ProviderUnreachableError } from '../client/index.js';
import { redactText, registerSecret } from '../util/redact.js';
import { CreatedObjects } from './fixtures.js';
import { readFileSync } from 'node:fs';
import { createGenericStateHandlers, createStateHandlers, isGenericState } from './state-handlers.js';
import { startRetryingForwarder } from './retrying-forwarder.js';
import type { WorkerMessage, WorkerRequest } from './pact.js';

function post(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

/** Replaces the example Authorization of a contract request with the real token (requests without one stay without). */
function authorizationFilter(token: string, created: CreatedObjects) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.headers.authorization !== undefined) req.headers.authorization = `Bearer ${token}`;
    if (req.method === 'POST' && /\/sideLoadingKeys\/?$/i.test((req.url ?? '').split('?')[0])) trackCreatedKey(res, created);
    next();
  };
}

/** Watches a create response go by so the sideLoadingKey a contract interaction created is deleted at the end. */
function trackCreatedKey(res: ServerResponse, created: CreatedObjects): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk) chunks.push(Buffer.from(chunk as Buffer));
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer));
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: unknown };
      if (res.statusCode >= 200 && res.statusCode < 300 && typeof body.id === 'string') created.track('sideLoadingKey', body.id);
    } catch {
      // Not JSON: nothing was created that we could name.
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}

/** Pact only says "a state change handler has failed": tell the parent why, so the report can. */
function reportingSetupErrors<H extends Record<string, { setup: (params?: unknown) => Promise<unknown>; teardown: (params?: unknown) => Promise<unknown> }>>(handlers: H): H {
  const wrapped: Record<string, { setup: (params?: unknown) => Promise<unknown>; teardown: (params?: unknown) => Promise<unknown> }> = {};
  for (const [state, handler] of Object.entries(handlers)) {
    wrapped[state] = {
      // Pact hands each state's params to its handler (the generic states need them).
      setup: async (params?: unknown) => {
        try {
          return await handler.setup(params);
        } catch (err) {
          const message = redactText(err instanceof Error ? err.message : String(err));
          if (err instanceof ProviderUnreachableError) await post({ type: 'unreachable', message });
          await post({ type: 'stateError', state, message });
          throw err;
        }
      },
      teardown: handler.teardown,
    };
  }
  return wrapped as H;
}

async function run(request: WorkerRequest): Promise<void> {
  registerSecret(request.token);
  const created = new CreatedObjects((object) => void post({ type: 'created', object }));
  const client = createGraphClient({ baseUrl: request.providerBaseUrl, token: request.token, timeoutMs: request.timeoutMs, retry: request.retry, maxResponseBytes: request.maxResponseBytes });
  const handlerOptions = { client, created, runId: request.runId, onSecret: (value: string) => void post({ type: 'secret', value }) };
  const handlers = reportingSetupErrors({ ...createGenericStateHandlers(genericStateNames(request.pactFiles ?? []), handlerOptions), ...createStateHandlers(handlerOptions) });
  // Pact → pact-js proxy (token, tracking) → retrying forwarder (429/503/504) → provider.
  const forwarder = await startRetryingForwarder(request.providerBaseUrl, {
    timeoutMs: request.timeoutMs,
    retry: request.retry,
    onUnreachable: (message) => void post({ type: 'unreachable', message }),
    maxResponseBytes: request.maxResponseBytes,
    onTooLarge: (message) => void post({ type: 'tooLarge', message }),
    // Keep a margin under Pact's own per-request timeout for the last answer to travel back.
    budgetMs: request.pactTimeoutMs - 2_000,
  });
  const options: VerifierOptions & { providerBaseUrl: string } = {
    providerBaseUrl: forwarder.url + new URL(request.providerBaseUrl).pathname.replace(/\/+$/, ''),
    ...(request.broker ?? { pactUrls: request.pactFiles }),
    logLevel: request.logLevel,
    timeout: request.pactTimeoutMs,
    requestFilter: authorizationFilter(request.token, created) as unknown as NonNullable<VerifierOptions['requestFilter']>,
    ...(request.providerStatesSetupUrl
      ? { providerStatesSetupUrl: request.providerStatesSetupUrl }
      : { stateHandlers: handlers as unknown as VerifierOptions['stateHandlers'] }),
  };
  let json: string | undefined;
  let error: string | undefined;
  try {
    json = String(await new Verifier(options).verifyProvider());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A failed verification rejects with the result JSON itself; anything else is a real error.
    if (message.trim().startsWith('{')) json = message;
    else error = redactText(message.split('\n')[0]);
  } finally {
    await Promise.all([client.close(), forwarder.close()]);
  }
  await post({ type: 'done', json: json === undefined ? undefined : redactText(json), error });
}

/** Names of the generic provider states (src/contracts/generic.ts) the local contracts use. */
function genericStateNames(files: string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    try {
      const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions?: { providerStates?: { name: string; params?: unknown }[] }[] };
      for (const i of pact.interactions ?? []) for (const s of i.providerStates ?? []) if (isGenericState(s.params)) names.add(s.name);
    } catch {
      // The parent already read these files; an unreadable one fails the verification itself.
    }
  }
  return [...names];
}

// The parent went away (interrupted, killed): stop, rather than keep creating objects nobody will delete.
process.once('disconnect', () => process.exit(1));

process.once('message', (message: WorkerRequest) => {
  run(message)
    .catch((err: unknown) => post({ type: 'done', error: redactText(err instanceof Error ? err.message : String(err)) }))
    .finally(() => process.exit(0));
});
