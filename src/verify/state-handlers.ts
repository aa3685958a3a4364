/**
 * Pact provider-state handlers for the states of src/contracts/states.ts, implemented through the Graph
 * API itself so they work against any Graph-compatible provider. Setup returns the parameters the
 * contracts inject with `fromProviderState`; teardown deletes what setup created. Pact runs interactions
 * one after another, so each teardown removes the application of the latest setup.
 */
import { deleteObject, type GraphClient } from '../client/index.js';
import { STATES, missingStateParams, type StateName } from '../contracts/states.js';
import { registerSecret } from '../util/redact.js';
import { CertificatePool, createApplicationWithCertificate, noApplication, objectName, type CreatedObjects } from './fixtures.js';
import { withRunName } from './generic.js';

export type StateParams = Record<string, string>;

export interface StateHandler {
  setup: () => Promise<StateParams>;
  teardown: () => Promise<undefined>;
}

export interface StateHandlerOptions {
  client: GraphClient;
  created: CreatedObjects;
  runId: string;
  /** Told about every secret a handler makes (proofs, passwords) so the caller can redact it too. */
  onSecret?: (value: string) => void;
}

export function createStateHandlers(options: StateHandlerOptions): Record<StateName, StateHandler> {
  const { client, created, runId } = options;
  const live: string[] = [];
  const pool = new CertificatePool();
  let counter = 0;
  const secret = (value: string): void => {
    registerSecret(value);
    options.onSecret?.(value);
  };

  return {
    [STATES.applicationWithCertificate]: {
      async setup() {
        const app = await createApplicationWithCertificate(client, created, objectName(runId, `state-app-${++counter}`), pool);
        live.push(app.applicationId);
        for (const value of [app.proof, app.invalidProof, app.newKeyPassword, app.newKeyPfx]) secret(value);
        const { displayName: _name, ...params } = app;
        return checked(STATES.applicationWithCertificate, { ...params });
      },
      async teardown() {
        const id = live.pop();
        if (id) {
          if ((await deleteObject(client, 'application', id)).gone) created.forget('application', id);
        }
        return undefined;
      },
    },
    [STATES.noApplication]: {
      async setup() {
        const params = await noApplication(pool);
        secret(params.proof);
        return checked(STATES.noApplication, { ...params });
      },
      async teardown() {
        return undefined;
      },
    },
  };
}

function checked(state: StateName, params: StateParams): StateParams {
  const missing = missingStateParams(state, params);
  if (missing.length) throw new Error(`state "${state}" handler did not produce ${missing.join(', ')}`);
  return params;
}

/** A provider state of a generic contract (src/contracts/generic.ts): what it creates, where, and the param its id fills. */
export interface GenericStateParams {
  as: string;
  collection: string;
  body?: string;
  createdBy?: string;
  creatable?: string;
}

export function isGenericState(params: unknown): params is GenericStateParams {
  const p = params as Partial<GenericStateParams> | undefined;
  return !!p && typeof p.as === 'string' && typeof p.collection === 'string';
}

/**
 * Handlers for the generic states named in the contracts: setup POSTs the documented create body (names
 * prefixed with the run id) to the collection, earlier states' ids filled in, and returns `{ [as]: id }` for
 * `fromProviderState`; teardown deletes in reverse order. Pact sets up an interaction's states in order and
 * tears them down after it, so one stack per run suffices. A state the API cannot create fails its setup
 * with a message saying so (the report shows it; a provider's --provider-states-setup-url can provide it).
 */
export function createGenericStateHandlers(stateNames: string[], options: StateHandlerOptions): Record<string, { setup: (params?: unknown) => Promise<StateParams>; teardown: (params?: unknown) => Promise<undefined> }> {
  const { client, runId } = options;
  const ids = new Map<string, string>();
  const live: { as: string; path: string }[] = [];
  let counter = 0;
  const handler = {
    async setup(params?: unknown): Promise<StateParams> {
      if (!isGenericState(params)) throw new Error('generic provider state without its params (as, collection)');
      if (params.creatable === 'false' || !params.body) throw new Error(`"${params.collection}" cannot be created through the API: give --provider-states-setup-url`);
      const collection = params.collection.replace(/\$\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(ids.get(name) ?? name));
      const body = withRunName(JSON.parse(params.body), runId, `state-${++counter}`);
      const exchange = await client.send({ method: 'POST', path: collection, body });
      const id = (exchange.response.body as { id?: unknown } | undefined)?.id;
      if (!exchange.response.status.toString().startsWith('2') || typeof id !== 'string' || !id) {
        throw new Error(`POST ${collection} (${params.createdBy ?? 'create'}) answered HTTP ${exchange.response.status}${typeof id === 'string' ? '' : ' without an id'}`);
      }
      ids.set(params.as, id);
      live.push({ as: params.as, path: `${collection}/${encodeURIComponent(id)}` });
      return { [params.as]: id };
    },
    async teardown(params?: unknown): Promise<undefined> {
      const as = isGenericState(params) ? params.as : undefined;
      const index = as ? live.map((l) => l.as).lastIndexOf(as) : live.length - 1;
      if (index < 0) return undefined;
      const [state] = live.splice(index, 1);
      ids.delete(state.as);
      await client.send({ method: 'DELETE', path: state.path }).catch(() => undefined);
      return undefined;
    },
  };
  return Object.fromEntries(stateNames.map((name) => [name, handler]));
}
