/**
 * What a check looks at: one HTTP request and the provider's real response. Structurally a subset of the
 * client's `Exchange` (src/client), so checks stay pure and can be tested with hand-built values.
 */
export interface CheckedExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response: {
    status: number;
    /** Header names lower-cased. */
    headers: Record<string, string | string[] | undefined>;
    /** Parsed JSON when the body was JSON, else the text ('' when empty). */
    body: unknown;
    /** The cap (bytes) the body went past (--max-response-size): it was not read, and every check fails. */
    tooLarge?: number;
  };
  /** Set by the client when the last answer was still 429/503/504 after its retry budget. */
  exhaustedRetries?: boolean;
}

/** A response header as one string (first value when repeated), undefined when absent. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
