/**
 * The plan `--dry-run` prints: every request a run would send, in order, with secrets shown as
 * placeholders (the token is never printed: Authorization reads `Bearer [REDACTED]`). Pure.
 */
import { STATES } from '../contracts/states.js';
import type { DocumentedOperation } from './conformance.js';
import type { DeclaredInteraction } from './pact-results.js';
import { DRIVERS, scenarioNeeded } from './scenarios.js';

export interface PlanStep {
  phase: 'setup' | 'check' | 'pact' | 'teardown' | 'cleanup';
  method: string;
  path: string;
  authorization: boolean;
  /** Why the request is sent. */
  note: string;
  body?: unknown;
}

const AUTH = 'Bearer [REDACTED]';

/** Requests a state handler sends for a provider state (the same for any provider). */
function stateRequests(state: string): PlanStep[] {
  if (state === STATES.applicationWithCertificate) {
    return [
      { phase: 'setup', method: 'POST', path: '/applications', authorization: true, note: `state "${state}": create the application`, body: { displayName: 'graphpact-<runId>-state-app-<n>' } },
      { phase: 'setup', method: 'PATCH', path: '/applications/{applicationId}', authorization: true, note: 'register a self-signed certificate made at run time; proofs are signed with its private key', body: { keyCredentials: [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: '<base64 DER certificate>' }] } },
    ];
  }
  return [];
}

export function buildPlan(input: { runId: string; operations: DocumentedOperation[]; selectedChecks: string[]; interactions: DeclaredInteraction[]; providerStatesSetupUrl?: string }): PlanStep[] {
  const steps: PlanStep[] = [];
  let appNeeded = false;
  for (const operation of input.operations) {
    const driver = DRIVERS[operation.id];
    if (!driver) continue;
    const requests = driver.requests({ runId: input.runId }).filter((r) => scenarioNeeded(r.scenario, input.selectedChecks));
    if (requests.length === 0) continue;
    if (driver.needsApplication && !appNeeded) {
      appNeeded = true;
      steps.push(...stateRequests(STATES.applicationWithCertificate).map((s) => ({ ...s, note: `${operation.id} needs an application: ${s.note.replace(/^state "[^"]+": /, '')}`, body: s.method === 'POST' ? { displayName: `graphpact-${input.runId}-app` } : s.body })));
    }
    for (const r of requests) steps.push({ phase: 'check', method: r.method, path: r.path, authorization: r.authenticated, note: `${operation.id} [${r.scenario}]`, body: r.body });
  }
  for (const interaction of input.interactions) {
    for (const state of interaction.providerStates) {
      if (input.providerStatesSetupUrl) steps.push({ phase: 'setup', method: 'POST', path: input.providerStatesSetupUrl, authorization: false, note: `Pact state change "${state}" (provider's own state setup URL)` });
      else steps.push(...stateRequests(state));
    }
    steps.push({ phase: 'pact', method: interaction.method, path: interaction.path, authorization: interaction.headers.some((h) => h.toLowerCase() === 'authorization'), note: `Pact interaction "${interaction.description}"` });
    if (!input.providerStatesSetupUrl && interaction.providerStates.includes(STATES.applicationWithCertificate)) {
      steps.push({ phase: 'teardown', method: 'DELETE', path: '/applications/{applicationId}', authorization: true, note: 'state teardown' });
    }
  }
  steps.push({ phase: 'cleanup', method: 'DELETE', path: '/applications/{id} and /deviceAppManagement/sideLoadingKeys/{id}', authorization: true, note: `every object the run created (named graphpact-${input.runId}-...), also when verification fails` });
  return steps;
}

export function renderPlan(steps: PlanStep[], header: string): string {
  const lines = [header];
  steps.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${s.phase.padEnd(8)} ${s.method} ${s.path}${s.authorization ? `  (Authorization: ${AUTH})` : '  (no Authorization)'}`);
    lines.push(`     ${s.note}`);
    if (s.body !== undefined) lines.push(`     body: ${JSON.stringify(s.body)}`);
  });
  return lines.join('\n') + '\n';
}
