/**
 * Provider states the provider sets up itself (`--provider-states-setup-url`), in the schema-conformance phase
 * too: the same state change request Pact's verifier sends (`{"state", "params", "action": "setup" | "teardown"}`
 * POSTed as JSON), so one handler on the provider's side serves both phases. The answer is a JSON object of
 * values; the state's id is under its `as` param. I/O edge: one function, no retries (a setup URL is local).
 */

export class StateChangeError extends Error {}

export interface StateChange {
  state: string;
  params: Record<string, string>;
  action: 'setup' | 'teardown';
}

export async function changeProviderState(url: string, change: StateChange, timeoutMs: number): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change), signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new StateChangeError(`state ${change.action} of "${change.state}" at --provider-states-setup-url failed: ${(err as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) throw new StateChangeError(`state ${change.action} of "${change.state}" at --provider-states-setup-url answered HTTP ${response.status}`);
  if (!text.trim()) return {};
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    throw new StateChangeError(`state ${change.action} of "${change.state}" at --provider-states-setup-url answered something that is not JSON`);
  }
}
