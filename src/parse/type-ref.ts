/**
 * Type column → TypeRef. The Graph docs spell types in many ways (field guide: 54 primitive spellings,
 * links, `X collection`, `Collection(X)`, reference-style links, free text); this module reads them all
 * into one normalised shape: primitives become `Edm.X`, linked/unlinked type names become `named`.
 */
import type { TypeRef } from '../model/page.js';
import { decodeEntities } from './markdown.js';

/** Lower-cased spelling (without `Edm.`) → Edm name. */
const PRIMITIVES: Record<string, string> = {
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  bool: 'Edm.Boolean',
  int32: 'Edm.Int32',
  int: 'Edm.Int32',
  integer: 'Edm.Int32',
  int64: 'Edm.Int64',
  long: 'Edm.Int64',
  int16: 'Edm.Int16',
  short: 'Edm.Int16',
  byte: 'Edm.Byte',
  sbyte: 'Edm.SByte',
  datetimeoffset: 'Edm.DateTimeOffset',
  datetime: 'Edm.DateTimeOffset',
  timestamp: 'Edm.DateTimeOffset',
  guid: 'Edm.Guid',
  uuid: 'Edm.Guid',
  date: 'Edm.Date',
  timeofday: 'Edm.TimeOfDay',
  time: 'Edm.TimeOfDay',
  duration: 'Edm.Duration',
  timespan: 'Edm.Duration',
  double: 'Edm.Double',
  float: 'Edm.Double',
  number: 'Edm.Double',
  single: 'Edm.Single',
  decimal: 'Edm.Decimal',
  binary: 'Edm.Binary',
  base64binary: 'Edm.Binary',
  stream: 'Edm.Stream',
};

/** Spellings of a free-form JSON object. */
const JSON_SPELLINGS = new Set(['json', 'object', 'json object', 'jsonobject', 'untyped', 'edm.untyped', 'dynamic']);

/** Parenthesised qualifiers that change the primitive (`String (timestamp)`). */
const QUALIFIED: Record<string, string> = {
  timestamp: 'Edm.DateTimeOffset',
  datetime: 'Edm.DateTimeOffset',
  'date-time': 'Edm.DateTimeOffset',
  date: 'Edm.Date',
  guid: 'Edm.Guid',
  duration: 'Edm.Duration',
  'base64 encoded': 'Edm.Binary',
  base64: 'Edm.Binary',
};

/** `String`, `Edm.Int32`, `dateTimeOffset` → Edm name; undefined when the word is not a primitive. */
export function primitiveName(word: string): string | undefined {
  let key = word.trim().toLowerCase();
  if (key.startsWith('edm.')) key = key.slice(4);
  return PRIMITIVES[key];
}

/** Resolves a reference-style link label to its target (from the page's link reference definitions). */
export type ReferenceLookup = (label: string) => string | undefined;

const LINK = /^\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)$/;
const REF_LINK = /^\[([^\]]+)\]\[([^\]]*)\]$/;
const SHORTCUT_REF = /^\[([^\]]+)\]$/;
const IDENTIFIER = /^#?[A-Za-z_][\w.]*$/;
const SIMPLE_WORD = /^[A-Za-z_][\w.]*$/;

/** Reads a Type cell (markdown kept) into a TypeRef. Never throws. */
export function parseTypeRef(raw: string, lookup?: ReferenceLookup): TypeRef {
  // Fast path for the common case (70% of typed rows): one bare word such as `String` or `Int32`.
  if (SIMPLE_WORD.test(raw)) return fromName(raw, raw, false);
  const text = cleanCell(raw);
  const alternatives = splitAlternatives(text);
  if (alternatives.length > 1) {
    const refs = alternatives.map((alt) => readSingle(raw, alt, lookup));
    return { ...refs[0], raw, alternatives: refs };
  }
  return readSingle(raw, text, lookup);
}

/** Entities decoded, `<br>`/tags and bold/emphasis markers removed, whitespace collapsed. */
function cleanCell(raw: string): string {
  let s = decodeEntities(raw);
  if (s.includes('<')) s = s.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  s = s.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  // `String` → String (a whole-cell code span).
  if (/^`[^`]+`$/.test(s)) s = s.slice(1, -1).trim();
  return s;
}

/** `[a](…) or [b](…)` / `String or Int32` → parts; anything else → one part. */
function splitAlternatives(text: string): string[] {
  if (!/\s(?:or|OR|Or)\s/.test(text)) return [text];
  const parts = text.split(/\s+or\s+/i).map((p) => p.trim()).filter(Boolean);
  // Only when every part reads as a type on its own (not "String or null if unset, see notes").
  return parts.length > 1 && parts.every((p) => looksLikeSingleType(p)) ? parts : [text];
}

function looksLikeSingleType(part: string): boolean {
  const inner = stripCollection(part).inner;
  return LINK.test(inner) || REF_LINK.test(inner) || SHORTCUT_REF.test(inner) || IDENTIFIER.test(inner);
}

/** `X collection`, `Collection(X)`, `collection of X`, `X[]` → inner text + collection flag. */
function stripCollection(text: string): { inner: string; collection: boolean } {
  let m = /^collection\s*\(\s*(.+?)\s*\)$/i.exec(text);
  if (m) return { inner: m[1], collection: true };
  m = /^(.+?)\s+collection$/i.exec(text);
  if (m) return { inner: m[1], collection: true };
  m = /^(?:a\s+)?collection\s+of\s+(.+)$/i.exec(text);
  if (m) return { inner: m[1].replace(/\s+objects?$/i, ''), collection: true };
  // `String[]` is a collection; `[folder][]` is a collapsed reference-style link to one folder.
  m = /^(.+?)\s*\[\]$/.exec(text);
  if (m && !m[1].endsWith(']')) return { inner: m[1], collection: true };
  return { inner: text, collection: false };
}

function readSingle(raw: string, text: string, lookup?: ReferenceLookup): TypeRef {
  const { inner, collection } = stripCollection(text);

  const link = LINK.exec(inner);
  if (link) return fromName(raw, link[1], collection, link[2]);

  const ref = REF_LINK.exec(inner) ?? SHORTCUT_REF.exec(inner);
  if (ref) {
    const label = ref[2] !== undefined && ref[2] !== '' ? ref[2] : ref[1];
    return fromName(raw, ref[1], collection, lookup?.(label));
  }

  const plain = inner.replace(/`/g, '').trim();
  if (IDENTIFIER.test(plain) || JSON_SPELLINGS.has(plain.toLowerCase())) return fromName(raw, plain, collection);

  return readFreeText(raw, plain, collection, lookup);
}

/** A type name (linked or not): primitive, JSON or a named Graph type. */
function fromName(raw: string, name: string, collection: boolean, link?: string): TypeRef {
  const clean = name.replace(/[`*]/g, '').trim().replace(/^#/, '');
  const withLink = link ? { link } : {};
  const primitive = primitiveName(clean);
  if (primitive) return { raw, kind: 'primitive', name: primitive, collection, ...withLink };
  if (JSON_SPELLINGS.has(clean.toLowerCase())) return { raw, kind: 'json', name: 'Json', collection, ...withLink };
  // `Collection(microsoft.graph.x)` written inside a link text.
  const inner = /^collection\((.+)\)$/i.exec(clean);
  if (inner) return fromName(raw, inner[1], true, link);
  if (IDENTIFIER.test(clean)) return { raw, kind: 'named', name: clean, collection, ...withLink };
  return { raw, kind: 'unknown', name: clean, collection, ...withLink };
}

/**
 * Free text around a type: `(Optional) String`, `String (timestamp)`, `string, maximum size 20`,
 * `[x](…) enum`, `[x](…) collection. Holds ...`, `Untyped JSON object`, `string/number`.
 * Qualifiers are dropped (or, when they name a primitive, used); what remains must read as one type,
 * else the TypeRef is `unknown` with the text as written.
 */
function readFreeText(raw: string, text: string, collection: boolean, lookup?: ReferenceLookup): TypeRef {
  let qualified: string | undefined;
  let simpler = text
    // Parenthesised qualifiers, but not a link's `(target)`.
    .replace(/(?<!\])\(([^)]*)\)/g, (_m, q: string) => {
      qualified ??= QUALIFIED[q.trim().toLowerCase()];
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  // A type followed by prose: `[x](…) collection. Holds grades...`, `string, maximum size 20`.
  const lead = /^((?:\[[^\]]+\](?:\([^)]*\)|\[[^\]]*\])|[A-Za-z][\w.]*)(?:\s+collection)?)\s*[.,;:]\s+\S/i.exec(simpler);
  if (lead) simpler = lead[1];
  simpler = simpler.replace(/(?:\s+(?:resource|object|enum|enumeration|type|entity|value))+$/i, '').trim();
  if (/^untyped json$|^json$/i.test(simpler)) return { raw, kind: 'json', name: 'Json', collection };
  if (simpler && simpler !== text && simpler.length < text.length) {
    const ref = readSingle(raw, simpler, lookup);
    const withCollection = collection ? { ...ref, collection: true } : ref;
    if (qualified && ref.kind === 'primitive' && ref.name === 'Edm.String') return { ...withCollection, name: qualified };
    return withCollection;
  }
  return { raw, kind: 'unknown', name: text, collection };
}
