/**
 * One request and the response the provider finally gave: what the verifier checks against the schemas
 * and what reports show. Authorization is stored redacted and secret-named body fields (proof,
 * secretText, ...) are redacted, so an Exchange can be written anywhere.
 */
export interface ExchangeRequest {
  method: string;
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The JSON body as sent (secret fields redacted), undefined when none. */
  body?: unknown;
}

export interface ExchangeResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the text; undefined when empty. */
  body: unknown;
  rawBody: string;
  /**
   * Set (to the cap, in bytes) when the body was longer than --max-response-size: reading stopped there, body
   * and rawBody are empty, and every check of the exchange fails.
   */
  tooLarge?: number;
}

export interface Exchange {
  request: ExchangeRequest;
  response: ExchangeResponse;
  /** From the first attempt to the final response, waits included. */
  durationMs: number;
  /** Attempts made (1 = no retry). */
  attempts: number;
  /**
   * True when the final response is still a 429/503/504 after the retry budget (or the provider asked
   * for a longer Retry-After than the policy allows): a check that sees it is inconclusive, not failed.
   */
  exhaustedRetries: boolean;
}

/** An Exchange of a typed call: `data` is the body when the status is 2xx. */
export interface GraphResult<T> extends Exchange {
  ok: boolean;
  data?: T;
}
