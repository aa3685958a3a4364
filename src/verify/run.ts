/**
 * `graphpact verify` orchestration: provider (given, or the embedded one), token, safety rules, then
 * (b) schema conformance and (a) Pact verification, a finally sweep of everything created, and the report.
 * Returns the report; throws `CouldNotRun` only for problems found before anything was sent.
 */
import { randomBytes } from 'node:crypto';
import { PACKAGE_VERSION } from '../util/package.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { createGraphClient, ProviderUnreachableError, type GraphClient, type RetryPolicy } from '../client/index.js';
import { startProvider, type QuirkRequest } from '../provider/index.js';
import { loadSchemaSet } from '../schema/load.js';
import { countStatuses, decideOutcome, nothingVerifiedReason, verifiedAnything, type OperationOutcome, type PactOutcome, type VerificationReport } from '../report/model.js';
import { writeReports, type ReportPaths } from '../report/write.js';
import { redactText, registerSecret } from '../util/redact.js';
import { ensureDir } from '../util/fs.js';
import { runConformance, type DocumentedOperation } from './conformance.js';
import { CreatedObjects, newRunId } from './fixtures.js';
import { documentedOperations, versionOfBaseUrl } from './operations.js';
import { brokerContracts, stopPactWorkers, PACT_LOG_FILE, pactRequestTimeoutMs, readContracts, runPactVerification, type ContractSet } from './pact.js';
import type { BrokerVerifierOptions } from '../broker/verify-options.js';
import { buildPlan, type PlanStep } from './plan.js';
import { resolve } from 'node:path';
import type { Catalog } from '../model/catalog.js';
import { buildFromDocs, loadCatalog } from '../schema/pipeline.js';
import { schemaSetFromFiles, type SchemaSet } from '../schema/load.js';
import { PACKAGE_ROOT } from '../util/package.js';
import { assessOperations, inShard, pathKey, type Assessment, type Selection, type Shard } from '../select/index.js';

export interface VerifyOptions {
  /** Service root with version (`https://graph.microsoft.com/beta`); absent: the embedded provider. */
  providerBaseUrl?: string;
  token?: string;
  pactDir: string;
  /** Pacts from a Pact Broker instead of pactDir, results published there (src/broker/verify-options.ts). */
  broker?: BrokerVerifierOptions;
  reportsDir: string;
  schemasDir: string;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Longest provider response read, in bytes (default 16 MiB, --max-response-size). */
  maxResponseBytes?: number;
  checks: string[];
  providerStatesSetupUrl?: string;
  allowWrites?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Embedded provider options (tests and demos: deliberately broken providers). */
  embedded?: { quirks?: QuirkRequest; latencyMs?: number; throttleEvery?: number; version?: string };
  /** On Ctrl-C (SIGINT/SIGTERM), delete what the run created before exiting 130 (the CLI sets this). */
  cleanupOnInterrupt?: boolean;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  /** Docs to verify against (schemas built from them in memory); default: the package's apidocs/ and --schemas. */
  docs?: string[];
  /** `--operations`: which documented operations (default: all of the version). */
  selection?: Selection;
  /** `--shard i/n`: this run's slice of the selection. */
  shard?: Shard;
  /** `--version`: the API version to verify (the embedded provider serves it; a --provider-base-url must end with it). */
  version?: string;
  /** `--concurrency N`: operations exercised at once, each with its own states. */
  concurrency?: number;
  /** Docs already read (tests and benchmarks that verify one corpus several times): used as --docs would be. */
  prebuilt?: { catalog: Catalog; schemaSet: SchemaSet };
}

export interface VerifyResult {
  report?: VerificationReport;
  paths?: ReportPaths;
  /** Dry run: the requests that would be sent. */
  plan?: { header: string; steps: PlanStep[] };
}


/** The run could not start (bad configuration, refused writes): one line, exit 2. */
export class CouldNotRun extends Error {}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The --provider-base-url as a URL; throws a one-line message when it is not an absolute http(s) URL. */
export function parseProviderBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--provider-base-url is not an absolute URL: "${text}" (e.g. https://graph.microsoft.com/beta)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--provider-base-url must be http(s): "${text}"`);
  return url;
}

/** Refuses, before anything is sent, a target the run must not or cannot use. */
function checkTarget(options: VerifyOptions): void {
  const external = options.providerBaseUrl;
  if (!external) return;
  let url: URL;
  try {
    url = parseProviderBaseUrl(external);
  } catch (err) {
    throw new CouldNotRun((err as Error).message);
  }
  if (!options.dryRun && !options.allowWrites && !isLoopback(external)) {
    throw new CouldNotRun(`refusing to create and delete objects on ${redactText(url.origin)} (not loopback): pass --allow-writes to verify a remote provider, or --dry-run to see the requests`);
  }
  if (!options.token && !options.dryRun) throw new CouldNotRun('no token for the provider: pass --token or set GRAPH_TOKEN');
}

interface Inputs {
  contracts: ContractSet;
  operations: DocumentedOperation[];
  version: string;
  catalog: Catalog;
  assessments: Map<string, Assessment>;
  schemaSet: SchemaSet;
}

/** Schemas (built from --docs, or --schemas), the catalog, contracts and the selected operations of the target's API version. */
async function loadInputs(options: VerifyOptions): Promise<Inputs> {
  const docsGiven = options.docs !== undefined && options.docs.length > 0;
  const docs = docsGiven ? options.docs! : [resolve(PACKAGE_ROOT, 'apidocs')];
  let catalog: Catalog;
  let schemaSet: SchemaSet;
  try {
    if (options.prebuilt) {
      ({ catalog, schemaSet } = options.prebuilt);
    } else if (docsGiven) {
      const built = await buildFromDocs(docs, { root: process.cwd() });
      if (built.unreadable.length > 0) throw new Error(built.unreadable[0].message);
      catalog = built.catalog;
      schemaSet = schemaSetFromFiles(`(built from ${docs.join(', ')})`, built.output.index, built.output.schemaFiles as Map<string, never>);
    } else {
      schemaSet = await loadSchemaSet(options.schemasDir);
      catalog = (await loadCatalog(docs, { root: PACKAGE_ROOT })).catalog;
    }
  } catch (err) {
    throw new CouldNotRun((err as Error).message);
  }
  const contracts = await (options.broker ? brokerContracts(options.broker) : readContracts(options.pactDir)).catch((err: Error) => {
    throw new CouldNotRun(err.message);
  });
  const urlVersion = options.providerBaseUrl ? versionOfBaseUrl(options.providerBaseUrl) : undefined;
  if (options.version && urlVersion && options.version !== urlVersion) {
    throw new CouldNotRun(`--version ${options.version} disagrees with the version segment "${urlVersion}" of --provider-base-url ${redactText(options.providerBaseUrl!)}: give one, or make them agree`);
  }
  const version = urlVersion ?? options.version ?? options.embedded?.version ?? 'beta';
  const documented = documentedOperations(schemaSet, version);
  if (documented.length === 0) {
    throw new CouldNotRun(`no documented operation for API version "${version}" in ${schemaSet.dir} (versions: ${schemaSet.index.versions.join(', ')}); the base URL must end with the version segment`);
  }
  const byKey = new Map(catalog.operations.map((op) => [`${op.version}:${op.id}`, op]));
  const selection = options.selection;
  const selected = selection ? documented.filter((d) => selection.matches(byKey.get(`${d.version}:${d.id}`) ?? d)) : documented;
  if (selected.length === 0) throw new CouldNotRun(`--operations ${selection!.terms.join(',')} selects none of the ${documented.length} documented operations of version "${version}"`);
  const operations = inShard(selected, options.shard);
  const catalogOps = operations.map((d) => byKey.get(`${d.version}:${d.id}`)).filter((op): op is NonNullable<typeof op> => op !== undefined);
  const validateRequest = requestValidator(schemaSet);
  const assessments = new Map(assessOperations(catalog.operations, catalogOps).map((a) => [`${a.version}:${a.id}`, exampleFitsSchema(a, validateRequest)]));
  // A selection narrows the Pact phase too: contracts whose interactions address none of the selected paths are not verified.
  const selectedPaths = new Set(catalogOps.flatMap((op) => [op.path, ...op.paths.map((p) => p.path)]).map(pathKey));
  const keepPact = !selection || contracts.interactions.some((i) => selectedPaths.has(pathKey(i.path.replace(/\/[0-9a-f-]{36}(?=\/|$)/gi, '/{id}'))));
  return { contracts: keepPact ? contracts : { files: [], interactions: [] }, operations, version, catalog, assessments, schemaSet };
}

export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const progress = options.progress ?? (() => undefined);
  const runId = newRunId();
  const startedAt = new Date().toISOString();
  const external = options.providerBaseUrl;
  let inputs: Awaited<ReturnType<typeof loadInputs>>;
  try {
    checkTarget(options);
    inputs = await loadInputs(options);
    // Find out now, not after the whole run, that the reports cannot be written.
    if (!options.dryRun) {
      await ensureDir(options.reportsDir).catch((err: Error) => {
        throw new CouldNotRun(`cannot write reports to ${options.reportsDir}: ${err.message}`);
      });
    }
  } catch (err) {
    // CI still gets a report (and a job summary) saying why nothing was verified.
    if (err instanceof CouldNotRun && !options.dryRun) {
      const report = buildReport({ options, runId, startedAt, baseUrl: external ?? 'embedded provider', embedded: !external, operations: [], pact: { ran: false, pactFiles: [], interactions: [] }, reason: err.message, cleanup: { created: 0, deleted: 0, leftovers: [] } });
      await writeReports(options.reportsDir, report).catch(() => undefined);
    }
    throw err;
  }
  const { contracts, operations, version, catalog, assessments, schemaSet } = inputs;

  if (options.dryRun) {
    const steps = buildPlan({ runId, operations, selectedChecks: options.checks, interactions: contracts.interactions, providerStatesSetupUrl: options.providerStatesSetupUrl });
    const target = external ? redactText(external) : `the embedded provider (/${version})`;
    return { plan: { header: `graphpact verify --dry-run: nothing is sent. Provider ${target}, run id ${runId}, ${steps.length} steps:`, steps } };
  }

  // The embedded provider accepts any well-formed bearer token: make one up so the auth path is exercised.
  const token = options.token ?? `graphpact-embedded-${randomBytes(12).toString('hex')}`;
  registerSecret(token);
  // With --docs the embedded provider is the Graph emulator of those docs (the selection's operations and the
  // creates, gets and deletes their states and follow-ups need), not only the seed routes.
  const emulate = (options.docs !== undefined && options.docs.length > 0) || options.prebuilt !== undefined;
  const embedded = external ? undefined : await startProvider({
    port: 0, quirks: options.embedded?.quirks, latencyMs: options.embedded?.latencyMs, throttleEvery: options.embedded?.throttleEvery,
    ...(emulate ? { catalog, versions: [version] } : {}),
  });
  const baseUrl = external ?? `${embedded!.url}/${version}`;
  progress(`verifying ${redactText(baseUrl)}${embedded ? ' (embedded provider)' : ''}, run ${runId}`);

  const created = new CreatedObjects();
  const limits = { timeoutMs: options.timeoutMs, retry: options.retry, maxResponseBytes: options.maxResponseBytes };
  const client = createGraphClient({ baseUrl, token, ...limits });
  const anonymousClient = createGraphClient({ baseUrl, ...limits });
  const stopInterruptCleanup = options.cleanupOnInterrupt ? cleanUpOnInterrupt(created, client, runId, progress) : () => undefined;
  let operationsOutcome: OperationOutcome[] = [];
  let pact: PactOutcome = { ran: false, pactFiles: contracts.files, interactions: [] };
  let reason: string | undefined;
  let cleanup: VerificationReport['cleanup'] = { created: 0, deleted: 0, leftovers: [] };
  try {
    progress(`schema conformance: ${operations.length} operation(s), ${options.checks.length} check(s)`);
    operationsOutcome = await runConformance({
      client, anonymousClient, operations, selectedChecks: options.checks, runId, created, concurrency: options.concurrency,
      generic: { assessments, catalog, validateRequest: requestValidator(schemaSet), providerStatesSetupUrl: options.providerStatesSetupUrl, timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes },
    });
    progress(`Pact: ${contracts.interactions.length} interaction(s) from ${contracts.files.length} contract file(s)`);
    if (contracts.files.length > 0) pact = await runPactVerification({
      contracts, created, runId, token, providerBaseUrl: baseUrl, timeoutMs: options.timeoutMs, retry: options.retry, broker: options.broker,
      ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
      providerStatesSetupUrl: options.providerStatesSetupUrl,
      logFile: join(options.reportsDir, PACT_LOG_FILE),
      overallTimeoutMs: pactBudgetMs(contracts, options.timeoutMs),
    });
    if (pact.error) reason = `Pact verification could not run: ${pact.error}`;
  } catch (err) {
    if (!(err instanceof ProviderUnreachableError)) throw err;
    reason = err.message;
  } finally {
    stopInterruptCleanup();
    cleanup = await created.sweep(client, reason ? undefined : runId);
    if (cleanup.leftovers.length) progress(`could not delete ${cleanup.leftovers.length} object(s): ${cleanup.leftovers.join('; ')}`);
    await Promise.all([client.close(), anonymousClient.close()]);
    await embedded?.close();
  }

  const report = buildReport({ options, runId, startedAt, baseUrl, embedded: !external, operations: operationsOutcome, pact, reason, cleanup });
  const paths = await writeReports(options.reportsDir, report);
  return { report, paths };
}

/**
 * A documented example request its own request schema refuses (a docs defect lint reports, until an erratum
 * corrects it) cannot tell a conformant provider from a broken one: the operation is not applicable.
 */
function exampleFitsSchema(a: Assessment, validate: ReturnType<typeof requestValidator>): Assessment {
  if ((!a.verifiable && a.reason?.code !== 'state-not-creatable') || a.request?.body === undefined) return a;
  const verdict = validate(a.id, a.version, a.request.body);
  if (!verdict || verdict.valid) return a;
  const first = verdict.errors[0];
  return { ...a, verifiable: false, reason: { code: 'invalid-example', message: `the documented example request (line ${a.request.exampleLine}) breaks the documented request schema: ${first ? `${first.path || '/'} ${first.message}` : 'invalid'} (a docs defect; an erratum corrects it)` } };
}

/** Validates a body against an operation's request schema, when the set has one. */
function requestValidator(set: SchemaSet): (operationId: string, version: string, body: unknown) => { valid: boolean; errors: { path: string; message: string }[] } | undefined {
  const entries = new Map(set.index.operations.map((e) => [`${e.version}:${e.id}`, e]));
  return (operationId, version, body) => {
    const request = entries.get(`${version}:${operationId}`)?.request;
    if (!request) return undefined;
    const validate = set.validator(request);
    const valid = validate(body) as boolean;
    return { valid, errors: (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? e.keyword })) };
  };
}

/** Installs SIGINT/SIGTERM handlers that sweep the created objects, then exit 130; returns their remover. */
function cleanUpOnInterrupt(created: CreatedObjects, client: GraphClient, runId: string, progress: (line: string) => void): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    progress(`${signal}: deleting the objects this run created, then stopping`);
    stopPactWorkers();
    // After a moment for requests already on the wire, the run id listing also finds applications whose
    // creation was in flight when the signal came.
    sleep(250)
      .then(() => created.sweep(client, runId))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}

/** Enough time for every interaction's state setup, request and teardown at the per-request timeout, plus start-up. */
function pactBudgetMs(contracts: ContractSet, timeoutMs: number): number {
  return 30_000 + contracts.interactions.length * 2 * pactRequestTimeoutMs(timeoutMs);
}

function buildReport(input: {
  options: VerifyOptions; runId: string; startedAt: string; baseUrl: string; embedded: boolean;
  operations: OperationOutcome[]; pact: PactOutcome; reason?: string; cleanup: VerificationReport['cleanup'];
}): VerificationReport {
  const totals = countStatuses(input.operations, input.pact);
  const decided = input.reason ? { outcome: 'could-not-run' as const, exitCode: 2 as const } : decideOutcome(totals, input.options.strict ?? false, verifiedAnything(input.operations, input.pact));
  const reason = input.reason ?? (decided.exitCode === 2 ? nothingVerifiedReason(totals) : undefined);
  return {
    shape: 1,
    tool: { name: 'graphpact', version: PACKAGE_VERSION },
    runId: input.runId,
    startedAt: input.startedAt,
    finishedAt: new Date().toISOString(),
    provider: { baseUrl: redactText(input.baseUrl), embedded: input.embedded },
    ...decided,
    ...(reason ? { reason: redactText(reason) } : {}),
    strict: input.options.strict ?? false,
    checksSelected: input.options.checks,
    totals,
    pact: input.pact,
    operations: input.operations,
    cleanup: input.cleanup,
  };
}

export type { DocumentedOperation, GraphClient };
