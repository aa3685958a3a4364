/**
 * Provider states the provider sets up itself (`--provider-states-setup-url`), in the schema-conformance phase
 * too: the same state change request Pact's verifier sends (`{"state", "params", "action": "setup" | "teardown"}`
 * POSTed as JSON), so one handler on the provider's side serves both phases. The answer is a JSON object of
 * values; the state's id is under its `as` param. I/O edge: one function, no retries (a setup URL is local).
 * Its answer is read up to the same cap as every provider answer (--max-response-size).
 */
import { request } from 'undici';
import { DEFAULT_MAX_RESPONSE_BYTES, readBodyUpTo, responseTooLargeMessage } from '../client/index.js';

export class StateChangeError extends Error {}

export interface StateChange {
  state: string;
  params: Record<string, string>;
  action: 'setup' | 'teardown';
}

export async function changeProviderState(url: string, change: StateChange, timeoutMs: number, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<Record<string, unknown>> {
  const failed = (why: string) => new StateChangeError(`state ${change.action} of "${change.state}" at --provider-states-setup-url ${why}`);
  let status: number;
  let bytes: Buffer | undefined;
  try {
    const response = await request(url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change),
      headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
    });
    status = response.statusCode;
    bytes = await readBodyUpTo(response.body, maxResponseBytes);
  } catch (err) {
    throw failed(`failed: ${(err as Error).message}`);
  }
  if (status < 200 || status >= 300) throw failed(`answered HTTP ${status}`);
  if (bytes === undefined) throw failed(`answered a ${responseTooLargeMessage(maxResponseBytes)}`);
  const text = bytes.toString('utf8');
  if (!text.trim()) return {};
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    throw failed('answered something that is not JSON');
  }
}
