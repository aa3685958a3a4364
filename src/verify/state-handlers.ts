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
