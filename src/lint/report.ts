/** Small helpers rules use to build findings and quote values in messages. */
import type { Finding, Severity, SourcePos } from '../model/finding.js';
import { redactText } from '../util/redact.js';
import { pointerSegment } from '../util/json-pointer.js';

export interface FindingExtras {
  severity?: Severity;
  column?: number;
  fix?: string;
}

/** A finding of `rule` at `pos` (file + line). */
export function findingAt(rule: { id: string; severity: Severity }, pos: SourcePos, message: string, extras: FindingExtras = {}): Finding {
  const finding: Finding = { ruleId: rule.id, severity: extras.severity ?? rule.severity, file: pos.file, line: pos.line, message };
  const column = extras.column ?? pos.column;
  if (column !== undefined) finding.column = column;
  if (extras.fix !== undefined) finding.fix = extras.fix;
  return finding;
}

/**
 * Property names whose values are credentials: a password, a client secret, a token, a private key, a
 * proof-of-possession JWT. NOT `key`: a keyCredential's `key` is the public certificate, published in
 * every addKey example; masking it hid the very value a message is about ("MIIDYDCCAki..." is elided,
 * not invalid base64).
 */
const SECRET_KEY = /proof|secret|password|token|privatekey|private_key|client_?secret/i;

/**
 * A value quoted for a message, shortened (60 characters at most), and masked when its property name
 * says it is a credential (`proof`, `secretText`, `password`...). Lint quotes public documentation, but a
 * docs tree may be private and a credential-looking example may be a real one pasted by mistake; the
 * shapes redactText knows (bearer tokens, JWTs, PEM private keys) are masked too.
 */
export function quoteValue(value: unknown, propertyName?: string): string {
  if (propertyName && SECRET_KEY.test(propertyName) && typeof value === 'string' && value !== '') return '"[REDACTED]"';
  let text = preview(value, 2) ?? String(value);
  if (text.length > 60) text = text.slice(0, 57) + '...';
  return redactText(text);
}

/** JSON of a value cut to a few members per level: a big object in a message costs no full stringify. */
function preview(value: unknown, depth: number): string | undefined {
  if (Array.isArray(value)) {
    if (depth === 0) return value.length ? '[...]' : '[]';
    const items = value.slice(0, 4).map((v) => preview(v, depth - 1) ?? 'null');
    return `[${items.join(',')}${value.length > 4 ? ',...' : ''}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (depth === 0) return entries.length ? '{...}' : '{}';
    const members = entries.slice(0, 4).map(([k, v]) => `${JSON.stringify(k)}:${preview(v, depth - 1) ?? 'null'}`);
    return `{${members.join(',')}${entries.length > 4 ? ',...' : ''}}`;
  }
  return JSON.stringify(value);
}

/** Last segment of a JSON pointer, unescaped (`/a/b~1c` → `b/c`). */
export function pointerLeaf(pointer: string): string {
  const parts = pointer.split('/');
  return (parts[parts.length - 1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

/** JSON pointer of a child (`/a` + `b/c` → `/a/b~1c`). */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${pointerSegment(key)}`;
}
