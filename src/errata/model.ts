/**
 * Errata: reviewed corrections of documented defects (apidocs/errata/*.yaml), applied to the catalog
 * once, before every output (src/errata/apply.ts). The docs stay as written, so lint keeps reporting
 * their defects, each marked with the erratum that corrects it (src/errata/lint.ts).
 */
import type { SourcePos } from '../model/finding.js';

export type Side = 'request' | 'response';

/** A request body property as an erratum writes it (the type as a Type cell says it). */
export interface BodyProperty {
  name: string;
  type: string;
  description?: string;
  required?: boolean;
  nullable?: boolean;
}

/** The typed vocabulary of corrections, plus RFC 6902 JSON Patch for what it does not cover. */
export type Correction =
  | { op: 'replace-request-body'; properties: BodyProperty[] }
  | { op: 'unwrap-example'; side: Side; pointer: string; example?: number }
  | { op: 'rename-example-property'; side: Side; pointer: string; to: string; example?: number }
  | { op: 'fix-example-value'; side: Side; pointer: string; value: unknown; example?: number }
  | { op: 'remove-example-property'; side: Side; pointer: string; example?: number }
  | { op: 'rename-property'; property: string; to: string }
  | { op: 'retype-property'; property: string; type: string }
  | { op: 'set-status'; status: number }
  | { op: 'set-permissions'; permissions: { type: string; scopes: string[] }[] }
  | { op: 'json-patch'; patch: JsonPatchOperation[] };

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

/** A lint finding an erratum answers: its rule and fingerprint, as `graphpact lint --format json` prints them. */
export interface AnsweredFinding {
  rule: string;
  fingerprint: string;
}

export interface Erratum {
  id: string;
  /** The page as the erratum names it, relative to its docs folder (`api/application-addkey.md`). */
  page: string;
  /** The page as the parser names it (`apidocs/api/application-addkey.md`): compared with ParsedPage.file. */
  file: string;
  /** The defect's line by content: whitespace-collapsed text, optionally under a heading. */
  anchor: { text: string; under?: string };
  answers: AnsweredFinding[];
  correct: Correction[];
  reason: string;
  /** Where the erratum is written (its errata file and the line of its `id`). */
  source: SourcePos;
}

/** What applying errata did: each erratum applied (with its anchored line) or stale (with why). */
export interface ErrataReport {
  applied: { id: string; line: number }[];
  stale: { id: string; reason: string }[];
}
