/**
 * Schema conformance: every documented operation of the provider's version is called with the client
 * (valid request and the deliberately wrong ones, scenarios.ts) and each real response is judged by the
 * selected checks (checks.ts). Network failures (ProviderUnreachableError) are not caught here: the run
 * cannot continue and ends with exit 2.
 */
import { responseTooLargeMessage, type Exchange, type GraphClient } from '../client/index.js';
import type { CheckOutcome, OperationOutcome } from '../report/model.js';
import { worstStatus } from '../report/model.js';
import { checks, type CheckContext, type CheckResult, type SchemaVerdict } from './checks.js';
import { CertificatePool, createApplicationWithCertificate, FixtureError, noApplication, objectName, type ApplicationFixture, type CreatedObjects } from './fixtures.js';
import { DRIVERS, scenarioNeeded, type PlannedRequest } from './scenarios.js';
import pLimit from 'p-limit';
import { registerSecret } from '../util/redact.js';
import type { Assessment } from '../select/assess.js';
import { asRecord, exerciseGeneric, idOf, readOnlyProperties, type GenericContext } from './generic.js';
import type { StatefulContext } from './stateful-checks.js';

/** What the verifier knows about one documented operation (from schemas/index.json and its schemas). */
export interface DocumentedOperation {
  id: string;
  version: string;
  method: string;
  path: string;
  successStatus: number;
  validateResponse?: (body: unknown) => SchemaVerdict;
  documentedProperties: string[];
}

export interface ConformanceOptions {
  /** Client with the token. */
  client: GraphClient;
  /** Same provider, no token (for the no-auth requests). */
  anonymousClient: GraphClient;
  operations: DocumentedOperation[];
  selectedChecks: string[];
  runId: string;
  created: CreatedObjects;
  /**
   * Operations without a hand-written driver are verified from their documented example (generic.ts) when
   * their assessment (`version:id`) says they can be; the others are reported as not applicable.
   */
  generic?: {
    assessments: Map<string, Assessment>; catalog: GenericContext['catalog']; validateRequest?: GenericContext['validateRequest'];
    /** `--provider-states-setup-url`: operations whose states only the provider can make are exercised too. */
    providerStatesSetupUrl?: string;
    timeoutMs?: number;
    maxResponseBytes?: number;
  };
  /** Operations exercised at once (each with its own states); the seed drivers share one fixture and run one by one. */
  concurrency?: number;
}

/** What one run shares between operations: the application fixture (made once, when first needed) and its certificates. */
interface Session {
  app?: ApplicationFixture;
  pool: CertificatePool;
}

export async function runConformance(options: ConformanceOptions): Promise<OperationOutcome[]> {
  const session: Session = { pool: new CertificatePool() };
  const outcomes = new Array<OperationOutcome>(options.operations.length);
  const driven = options.operations.map((op, i) => [op, i] as const).filter(([op]) => DRIVERS[op.id]);
  for (const [operation, i] of driven) outcomes[i] = await exerciseOperation(operation, options, session);
  const limit = pLimit(Math.max(1, options.concurrency ?? 1));
  await Promise.all(options.operations.map((operation, i) => (DRIVERS[operation.id] ? undefined : limit(async () => {
    outcomes[i] = await exerciseOperation(operation, options, session);
  }))));
  return outcomes;
}

/** Sends an operation's planned requests and judges each response with the selected checks. */
async function exerciseOperation(operation: DocumentedOperation, options: ConformanceOptions, session: Session): Promise<OperationOutcome> {
  const base = { id: operation.id, version: operation.version, method: operation.method, path: operation.path };
  const notExercised = (why: string): OperationOutcome => ({ ...base, status: 'skip', checks: [], responseProperties: [], notExercised: why });
  const driver = DRIVERS[operation.id];
  if (!driver) {
    const assessment = options.generic?.assessments.get(`${operation.version}:${operation.id}`);
    if (!assessment) return notExercised('not in the docs the run was given (no example to build a request from)');
    // A state only the provider can set up (a singleton, a tenant object) is set up by its --provider-states-setup-url.
    const byProvider = assessment.reason?.code === 'state-not-creatable' && options.generic?.providerStatesSetupUrl !== undefined;
    if (!assessment.verifiable && !byProvider) return notExercised(`not applicable: ${assessment.reason!.message}`);
    return exerciseGeneric(operation, assessment, {
      catalog: options.generic!.catalog, client: options.client, anonymousClient: options.anonymousClient,
      selectedChecks: options.selectedChecks, runId: options.runId, validateRequest: options.generic!.validateRequest,
      providerStatesSetupUrl: options.generic!.providerStatesSetupUrl, timeoutMs: options.generic!.timeoutMs, maxResponseBytes: options.generic!.maxResponseBytes,
    });
  }
  const needed = (r: PlannedRequest) => scenarioNeeded(r.scenario, options.selectedChecks);
  // Planned with placeholders first, only to learn whether any selected check needs this operation at all.
  if (!driver.requests({ runId: options.runId }).some(needed)) return notExercised('no selected check applies');

  if (driver.needsApplication && !session.app) {
    try {
      session.app = await createApplicationWithCertificate(options.client, options.created, objectName(options.runId, 'app'), session.pool);
    } catch (err) {
      if (!(err instanceof FixtureError)) throw err;
      // Still throttled after the retry budget: the provider was busy, which is inconclusive (as for any check).
      const status = err.throttled ? 'inconclusive' : 'fail';
      const setup: CheckOutcome = { check: 'fixture_setup', scenario: 'success', status, message: `could not create the application this operation needs: ${err.message}`, request: { method: 'POST', path: '/applications' } };
      return { ...base, status, checks: [setup], responseProperties: [], notExercised: 'application fixture could not be created' };
    }
  }
  const unknownApplication = driver.unknownApplication && scenarioNeeded('unknown-id', options.selectedChecks) ? await noApplication(session.pool) : undefined;
  if (unknownApplication) registerSecret(unknownApplication.proof);
  const spareKeys = await Promise.all(Array.from({ length: driver.spareKeys ?? 0 }, async (_, i) => (await session.pool.get(`spare-${i + 1}`)).certDerBase64));
  const results: CheckOutcome[] = [];
  let responseProperties: string[] = [];
  for (const request of driver.requests({ runId: options.runId, app: session.app, spareKeys, ...(unknownApplication ? { unknownApplication } : {}) }).filter(needed)) {
    const exchange = await send(request.authenticated ? options.client : options.anonymousClient, request);
    if (driver.creates) trackCreated(exchange, driver.creates, options.created);
    if (request.scenario === 'success') responseProperties = propertyNames(exchange.response.body);
    const ctx: CheckContext = {
      operationId: operation.id, scenario: request.scenario, successStatus: operation.successStatus, validateResponse: operation.validateResponse, documentedProperties: operation.documentedProperties,
      // A seed create is judged by the same stateful checks as a generic one (create_echoes_request, location_header).
      ...(driver.creates && request.scenario === 'success' ? { operationKind: 'create' as const, stateful: seedCreateWrites(operation, request, exchange, options) } : {}),
    };
    results.push(...judge(exchange, ctx, request, options.selectedChecks));
  }
  return { ...base, status: worstStatus(results.map((r) => r.status)), checks: results, responseProperties };
}

/** What a seed create wrote, for the stateful checks: its body, the properties the docs call read-only, the new id. */
function seedCreateWrites(operation: DocumentedOperation, request: PlannedRequest, exchange: Exchange, options: ConformanceOptions): StatefulContext {
  const written = asRecord(request.body);
  const catalogOp = options.generic?.catalog.operations.find((o) => o.id === operation.id && o.version === operation.version);
  const createdId = idOf(exchange);
  return {
    ...(written ? { written } : {}),
    readOnly: catalogOp ? readOnlyProperties(options.generic!.catalog, catalogOp) : ['id'],
    ...(createdId ? { createdId } : {}),
    locationDocumented: options.generic?.assessments.get(`${operation.version}:${operation.id}`)?.documentedLocation ?? false,
  };
}

function send(client: GraphClient, request: PlannedRequest): Promise<Exchange> {
  return client.send({ method: request.method, path: request.path, body: request.body });
}

/**
 * Runs the selected checks on one exchange. Not-applicable results are dropped; when the provider was still
 * throttling after the retry budget, what a check would have said is reported as inconclusive instead; when
 * its answer was longer than --max-response-size, every applicable check fails, saying so.
 */
export function judge(exchange: Exchange, ctx: CheckContext, request: PlannedRequest, selected: string[]): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  for (const name of selected) {
    let result: CheckResult = checks[name](exchange, ctx);
    if (result.status === 'skip') continue;
    const tooLarge = exchange.response.tooLarge;
    if (tooLarge !== undefined) {
      result = { status: 'fail', message: responseTooLargeMessage(tooLarge), expected: `a response of at most ${tooLarge} bytes`, actual: `HTTP ${exchange.response.status}, body cut off after ${tooLarge} bytes` };
    } else if (exchange.exhaustedRetries && result.status !== 'pass') {
      result = { status: 'inconclusive', message: `provider still answered ${exchange.response.status} after ${exchange.attempts} attempts (retry budget spent)` };
    }
    out.push({ check: name, scenario: ctx.scenario, ...result, request: { method: request.method, path: request.path }, httpStatus: exchange.response.status });
  }
  return out;
}

function trackCreated(exchange: Exchange, kind: 'sideLoadingKey', created: CreatedObjects): void {
  const body = exchange.response.body as { id?: unknown } | undefined;
  if (exchange.response.status >= 200 && exchange.response.status < 300 && body && typeof body.id === 'string') created.track(kind, body.id);
}

function propertyNames(body: unknown): string[] {
  return body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).sort() : [];
}
