/** Request bodies: content type, size limit (checked while streaming, never buffered past it), JSON. */
import type { IncomingMessage } from 'node:http';
import { GraphError, CODES, badRequest } from './errors.js';

/** Largest request body accepted: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** `application/json` with any parameters (charset, odata.metadata...). */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && header.split(';')[0].trim().toLowerCase() === 'application/json';
}

export function tooLarge(limit: number): GraphError {
  return new GraphError(413, CODES.tooLarge, `The request body is larger than the ${limit} bytes this service accepts.`);
}

/** Reads the body; rejects with 413 as soon as it passes `limit` (by Content-Length or by counting). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => { cleanup(); resolve(Buffer.concat(chunks, size)); };
    const onError = (err: Error) => { cleanup(); reject(err); };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Parses a JSON object body; anything else (bad JSON, an array, a number) is 400. */
export function parseJsonObject(bytes: Buffer): Record<string, unknown> {
  const value = parseJsonValue(bytes);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** Parses a JSON array body (a list of commands, such as OneNote's page content PATCH); anything else is 400. */
export function parseJsonArray(bytes: Buffer): unknown[] {
  const value = parseJsonValue(bytes);
  if (!Array.isArray(value)) throw badRequest('The request body must be a JSON array.');
  return value;
}

function parseJsonValue(bytes: Buffer): unknown {
  const text = decodeUtf8(bytes);
  if (text.trim() === '') throw badRequest('Unable to read JSON request payload: the body is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // V8's message may quote the body (a proof, a password): say only where it broke.
    throw badRequest(`Unable to read JSON request payload: invalid JSON${where(text, (err as Error).message)}. Please ensure Content-Type header is set and payload is of valid JSON format.`);
  }
  return value;
}

/** JSON text is UTF-8 (RFC 8259 §8.1): invalid bytes are a 400, not silently replaced by U+FFFD and stored. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Buffer): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw badRequest('Unable to read JSON request payload: the body is not valid UTF-8.');
  }
}

/** ` at line L, column C` from V8's `position N`, or '' when it gave none. */
function where(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : message.includes('end of JSON') ? text.length : undefined;
  if (position === undefined) return '';
  const before = text.slice(0, position).split('\n');
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
