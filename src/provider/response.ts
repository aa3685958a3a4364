/**
 * What a route answers, before it becomes bytes: status, JSON body or Graph error, extra headers.
 * Quirks rewrite this value; `serialize` turns it into Graph's wire format (content type,
 * request-id / client-request-id headers, error envelope).
 */
import { GRAPH_JSON_CONTENT_TYPE } from '../client/graph-types.js';
import type { GraphError } from './errors.js';

export interface ProviderResponse {
  status: number;
  /** Success (status below 400). */
  ok: boolean;
  body?: unknown;
  error?: { code: string; message: string };
  headers: Record<string, string>;
  /** Quirk overrides: another content type, a plain-text body, no request-id header. */
  contentType?: string;
  plainText?: string;
  omitRequestId?: boolean;
  /** The documented operation that answered (for quirks scoped to operations), when the route knows it. */
  operationId?: string;
}

export function success(status: number, body?: unknown, headers: Record<string, string> = {}): ProviderResponse {
  return { status, ok: true, body, headers };
}

export function failure(err: GraphError): ProviderResponse {
  return { status: err.status, ok: false, error: { code: err.code, message: err.message }, headers: { ...err.headers } };
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
  /** Server time of the request, `2026-01-01T00:00:00` (as Graph writes innerError.date). */
  date: string;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  payload?: Buffer;
}

export function serialize(res: ProviderResponse, ids: RequestIds): WireResponse {
  const headers: Record<string, string> = { ...res.headers, 'client-request-id': ids.clientRequestId };
  if (!res.omitRequestId) headers['request-id'] = ids.requestId;
  const text = res.plainText ?? jsonText(res, ids);
  if (text === undefined) return { status: res.status, headers };
  headers['content-type'] = res.plainText !== undefined ? 'text/plain; charset=utf-8' : (res.contentType ?? GRAPH_JSON_CONTENT_TYPE);
  const payload = Buffer.from(text, 'utf8');
  headers['content-length'] = String(payload.length);
  return { status: res.status, headers, payload };
}

function jsonText(res: ProviderResponse, ids: RequestIds): string | undefined {
  if (res.error) {
    return JSON.stringify({
      error: {
        code: res.error.code,
        message: res.error.message,
        innerError: { date: ids.date, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
      },
    });
  }
  return res.body === undefined ? undefined : JSON.stringify(res.body);
}
