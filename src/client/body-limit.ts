/**
 * Provider bodies are read up to a cap: a provider that streams an endless (or huge) body must not make the
 * verifier buffer it until the timeout and run out of memory. Past the cap the read stops, the connection
 * is dropped, and the exchange says so (every check of it fails with "response larger than N MiB").
 */
import type { Readable } from 'node:stream';

export const MIB = 1024 * 1024;

/** 16 MiB: far above any Graph response (pages hold at most a few hundred KB), far below what hurts. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * MIB;

/** The one wording of the failure, in reports and on the Pact side alike. */
export function responseTooLargeMessage(limitBytes: number): string {
  return `response larger than ${formatMiB(limitBytes)} MiB (--max-response-size)`;
}

export function formatMiB(bytes: number): string {
  return String(Math.round((bytes / MIB) * 1000) / 1000);
}

/** The body, or `undefined` when it is longer than `limitBytes` (the stream is then destroyed: nothing more is read). */
export async function readBodyUpTo(body: Readable, limitBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += buffer.length;
    if (length > limitBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, length);
}

/** Option parser for `--max-response-size <MiB>`: a positive number of MiB, fractions allowed; returns bytes. */
export function parseMaxResponseSize(value: string): number {
  const mib = Number(value);
  if (!Number.isFinite(mib) || mib <= 0) throw new RangeError(`--max-response-size must be a positive number of MiB (got "${value}")`);
  return Math.round(mib * MIB);
}
