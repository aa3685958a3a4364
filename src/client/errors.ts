/** Errors the Graph client throws. Messages are one line and never carry a token (they pass through redactText). */
import { redactText } from '../util/redact.js';

export type UnreachableReason = 'refused' | 'timeout' | 'dns' | 'reset' | 'tls' | 'other';

/**
 * The provider could not be talked to: connection refused, unknown host, reset, or no complete response
 * within the per-request timeout. HTTP error statuses are NOT errors: they come back as Exchanges.
 */
export class ProviderUnreachableError extends Error {
  override readonly name = 'ProviderUnreachableError';
  constructor(
    readonly reason: UnreachableReason,
    readonly url: string,
    detail: string,
  ) {
    super(redactText(`${describe(reason)} ${url}: ${detail}`.replace(/\s*\n\s*/g, ' ')));
  }
}

function describe(reason: UnreachableReason): string {
  switch (reason) {
    case 'refused': return 'provider refused the connection at';
    case 'timeout': return 'provider did not answer in time at';
    case 'dns': return 'provider host not found for';
    case 'reset': return 'provider closed the connection at';
    case 'tls': return 'TLS handshake failed with';
    default: return 'provider unreachable at';
  }
}

/** Maps a network error from undici (or Node's socket layer) to a reason. */
export function classifyNetworkError(err: unknown): { reason: UnreachableReason; detail: string } {
  const e = err as { code?: unknown; name?: string; message?: string; cause?: { code?: unknown; message?: string } };
  // DOMException codes are numbers (an AbortSignal timeout has code 23): only Node's string codes say anything.
  const code = [e?.code, e?.cause?.code].find((c): c is string => typeof c === 'string') ?? '';
  const message = e?.message ?? String(err);
  if (e?.name === 'TimeoutError' || /TIMEOUT/i.test(code)) return { reason: 'timeout', detail: code || message };
  if (code === 'ECONNREFUSED') return { reason: 'refused', detail: code };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: 'dns', detail: code };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return { reason: 'reset', detail: code };
  if (/^(ERR_TLS|CERT_|UNABLE_TO_VERIFY|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return { reason: 'tls', detail: code };
  return { reason: 'other', detail: code ? `${code} ${message}` : message };
}
