/**
 * Pact verification of the consumer contracts in --pact-dir against the provider: runs the real Pact
 * verifier in a child process (pact-worker.ts), relays what it creates (for the final sweep) and the
 * secrets it makes (for redaction), bounds it in time, and turns its JSON result into per-interaction
 * outcomes. Its own output is kept, redacted, in a log file next to the reports.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { RetryPolicy } from '../client/index.js';
import type { InteractionOutcome, PactOutcome } from '../report/model.js';
import { redactText, registerSecret } from '../util/redact.js';
import { writeFileAtomic } from '../util/fs.js';
import type { CreatedObject, CreatedObjects } from './fixtures.js';
import { PROVIDER_ONLY_SUFFIX } from '../select/assess.js';
import { STATES } from '../contracts/states.js';
import { declaredInteractions, interactionOutcomes, parseVerifierJson, plainOutput, type DeclaredInteraction } from './pact-results.js';
import { fetchPactsForVerification } from '../broker/pacts-for-verification.js';
import { readPactFiles } from '../contracts/pact-files.js';
import type { BrokerVerifierOptions } from '../broker/verify-options.js';

/** Sent to the worker once, over IPC. */
export interface WorkerRequest {
  pactFiles: string[];
  /** Verify-from-broker: where pacts come from and where results go (replaces pactFiles). */
  broker?: BrokerVerifierOptions;
  providerBaseUrl: string;
  token: string;
  timeoutMs: number;
  /** Longest provider response read (bytes), by the state handlers' client and by the forwarder alike. */
  maxResponseBytes?: number;
  /** Pact's own per-request limit; it also bounds each state change call (see pactRequestTimeoutMs). */
  pactTimeoutMs: number;
  retry?: Partial<RetryPolicy>;
  runId: string;
  providerStatesSetupUrl?: string;
  logLevel: 'error' | 'warn';
}

export type WorkerMessage =
  | { type: 'created'; object: CreatedObject }
  | { type: 'secret'; value: string }
  | { type: 'stateError'; state: string; message: string }
  /** The provider could not be reached, or did not answer in time, during verification. */
  | { type: 'unreachable'; message: string }
  /** The forwarder cut off a provider answer longer than --max-response-size (Pact got a 502 instead). */
  | { type: 'tooLarge'; message: string }
  | { type: 'done'; json?: string; error?: string };

export interface ContractSet {
  files: string[];
  interactions: DeclaredInteraction[];
}

/** The Pact files of a directory and their interactions. Throws one line naming the file when one is unreadable. */
export async function readContracts(pactDir: string): Promise<ContractSet> {
  const pacts = await readPactFiles(pactDir);
  return { files: pacts.map((p) => p.file), interactions: pacts.flatMap((p) => declaredInteractions(p.pact, p.file)) };
}

/** The pacts a broker selects for verification (their URLs stand for files in the report). */
export async function brokerContracts(broker: BrokerVerifierOptions): Promise<ContractSet> {
  const selected = await fetchPactsForVerification(broker);
  if (selected.length === 0) throw new Error(`the Pact Broker selected no pacts for provider "${broker.provider}" (consumer version selectors ${JSON.stringify(broker.consumerVersionSelectors ?? [])})`);
  return { files: selected.map((s) => s.url), interactions: selected.flatMap((s) => declaredInteractions(s.pact, s.url)) };
}

export interface PactRunOptions extends Omit<WorkerRequest, 'pactFiles' | 'logLevel' | 'pactTimeoutMs'> {
  contracts: ContractSet;
  created: CreatedObjects;
  /** Where the redacted Pact output goes. */
  logFile?: string;
  /** Hard limit for the whole verification; the worker is killed after it. */
  overallTimeoutMs: number;
}

const liveWorkers = new Set<() => void>();

/** Stops every running Pact worker at once (an interrupted run stops creating objects before it sweeps). */
export function stopPactWorkers(): void {
  for (const kill of liveWorkers) kill();
}

/** Runs the verifier; `error` set means it could not run (exit 2), failures are in `interactions`. */
export async function runPactVerification(options: PactRunOptions): Promise<PactOutcome> {
  const { contracts, created } = options;
  const request: WorkerRequest = {
    pactFiles: contracts.files,
    ...(options.broker ? { broker: options.broker } : {}),
    providerBaseUrl: options.providerBaseUrl,
    token: options.token,
    timeoutMs: options.timeoutMs,
    ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
    pactTimeoutMs: pactRequestTimeoutMs(options.timeoutMs),
    retry: options.retry,
    runId: options.runId,
    providerStatesSetupUrl: options.providerStatesSetupUrl,
    logLevel: 'error',
  };
  const { entry, execArgv } = workerEntry();
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
  let output = '';
  const stateErrors: { state: string; message: string }[] = [];
  let unreachable: string | undefined;
  let tooLarge: string | undefined;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  const done = new Promise<{ json?: string; error?: string }>((resolveDone) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolveDone({ error: `Pact verification did not finish within ${Math.round(options.overallTimeoutMs / 1000)} s` });
    }, options.overallTimeoutMs);
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'created') created.track(message.object.kind, message.object.id);
      else if (message.type === 'secret') registerSecret(message.value);
      else if (message.type === 'stateError') stateErrors.push({ state: message.state, message: message.message });
      else if (message.type === 'unreachable') unreachable ??= message.message;
      else if (message.type === 'tooLarge') tooLarge ??= message.message;
      else if (message.type === 'done') {
        clearTimeout(timer);
        resolveDone({ json: message.json, error: message.error });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = output.trim().split('\n').pop() ?? '';
      resolveDone({ error: `Pact verifier stopped (${signal ?? `exit ${code}`})${last ? `: ${last}` : ''}` });
    });
  });
  // Never leave a verifier running behind a parent that exits (Ctrl-C cleanup calls process.exit).
  const killChild = (): void => void child.kill('SIGKILL');
  process.once('exit', killChild);
  liveWorkers.add(killChild);
  child.send(request);
  const { json, error } = await done;
  process.removeListener('exit', killChild);
  liveWorkers.delete(killChild);
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));

  const result = parseVerifierJson(json);
  // The worker's captured output holds the verifier's report (and pact-js's own log lines); without it, the result's copy.
  const captured = stripVTControlCharacters(output).trim();
  const logText = redactText((captured || plainOutput(result)).trim() + '\n');
  if (options.logFile) await writeFileAtomic(options.logFile, logText);
  const base = { pactFiles: contracts.files.map(displayPath), ...(options.logFile ? { logFile: displayPath(options.logFile) } : {}) };
  if (!result) return { ...base, ran: false, error: redactText(error ?? 'the Pact verifier returned no result'), interactions: [] };
  const outcomes = explainStateFailures(interactionOutcomes(contracts.interactions, result), stateErrors);
  const flagged = options.providerStatesSetupUrl ? outcomes : flagUnknownStates(outcomes);
  const interactions = tooLarge ? cutOff(flagged, tooLarge) : flagged;
  // Failures caused by a provider that stopped answering say nothing about conformance: the run could not finish,
  // and the interactions that got the forwarder's 502 are inconclusive, not failed.
  if (unreachable) return { ...base, ran: true, error: `the provider stopped answering: ${unreachable}`, interactions: unanswered(interactions, unreachable) };
  return { ...base, ran: true, interactions };
}

/** Failed interactions answered 502 by the forwarder (the provider did not answer) → inconclusive, saying why. */
export function unanswered(outcomes: InteractionOutcome[], reason: string): InteractionOutcome[] {
  return outcomes.map((outcome) => {
    const gateway = outcome.mismatches.some((m) => m.message.startsWith('StatusMismatch') && m.actual === '502');
    if (outcome.status !== 'fail' || !gateway) return outcome;
    return { ...outcome, status: 'inconclusive', mismatches: [...outcome.mismatches, { message: `no answer from the provider: ${reason}` }] };
  });
}

/** Failed interactions answered 502 by the forwarder because the provider's answer was too long say so. */
export function cutOff(outcomes: InteractionOutcome[], reason: string): InteractionOutcome[] {
  return outcomes.map((outcome) => {
    const gateway = outcome.mismatches.some((m) => m.message.startsWith('StatusMismatch') && m.actual === '502');
    if (outcome.status !== 'fail' || !gateway) return outcome;
    return { ...outcome, mismatches: [{ message: reason }, ...outcome.mismatches] };
  });
}

/**
 * Failed interactions whose state setup failed get the handler's reason (in order: Pact runs interactions one
 * by one), instead of only Pact's "state change handlers has failed" or a 404 for the example id it fell back to.
 */
export function explainStateFailures(outcomes: InteractionOutcome[], errors: { state: string; message: string }[]): InteractionOutcome[] {
  const pending = [...errors];
  return outcomes.map((outcome) => {
    if (outcome.status !== 'fail') return outcome;
    const i = pending.findIndex((e) => outcome.providerStates.includes(e.state));
    if (i < 0) return outcome;
    const [error] = pending.splice(i, 1);
    return { ...outcome, mismatches: [...outcome.mismatches, { message: `state "${error.state}" setup failed: ${error.message}` }] };
  });
}

/** Failed interactions that need a provider state graphpact has no handler for say so (a newer contract, say). */
export function flagUnknownStates(outcomes: InteractionOutcome[]): InteractionOutcome[] {
  const known = new Set<string>(Object.values(STATES));
  return outcomes.map((outcome) => {
    // A state the API cannot create (src/select/assess.ts names it so): without the provider's own state
    // setup URL the interaction is not applicable, never a failure.
    const provided = outcome.providerStates.filter(isProviderOnlyState);
    if (outcome.status === 'fail' && provided.length > 0) {
      return { ...outcome, status: 'skip', mismatches: [{ message: `not applicable: needs ${provided.join('; ')}, which only the provider can set up (--provider-states-setup-url)` }] };
    }
    const unknown = outcome.providerStates.filter((state) => !known.has(state) && !isGenericStateName(state));
    if (outcome.status !== 'fail' || unknown.length === 0) return outcome;
    return { ...outcome, mismatches: [...outcome.mismatches, ...unknown.map((state) => ({ message: `graphpact has no handler for provider state "${state}" (known: ${[...known].join('; ')}); use --provider-states-setup-url if the provider sets it up itself` }))] };
  });
}

/** Generic states (src/select/assess.ts names): created by the generic state handler. */
function isGenericStateName(state: string): boolean {
  return state.startsWith('an object of ') || isProviderOnlyState(state);
}

function isProviderOnlyState(state: string): boolean {
  return state.endsWith(PROVIDER_ONLY_SUFFIX);
}

/**
 * A state change runs two provider requests (create, then register the certificate) plus key generation
 * inside ONE Pact call, so Pact's limit must cover them: a slow but conformant provider must not fail there.
 */
export function pactRequestTimeoutMs(timeoutMs: number): number {
  return 3 * timeoutMs + 10_000;
}

/** The worker script: compiled JS next to this file, or the TypeScript source under tsx (tests, dev). */
function workerEntry(): { entry: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./pact-worker.js', import.meta.url));
  if (existsSync(js)) return { entry: js, execArgv: [] };
  const ts = fileURLToPath(new URL('./pact-worker.ts', import.meta.url));
  const hasTsx = process.execArgv.some((arg) => /tsx/.test(arg));
  return { entry: ts, execArgv: hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'] };
}

function displayPath(path: string): string {
  const cwd = process.cwd();
  return (path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path).split('\\').join('/');
}

export const PACT_LOG_FILE = 'pact-verifier.log';
