/**
 * applyErrata: catalog + errata → corrected catalog + what was applied and what is stale. Pure (the
 * page text for anchors comes through `sourceLines`); the input catalog is never modified.
 *
 * Every element a correction changes records the erratum's id (Operation.errata, requestBody.errata,
 * JsonBody.errata, TypeDef.errata), which schemas, OpenAPI and contracts print as provenance.
 * An erratum applies whole or not at all: when its anchor is gone or one of its corrections no longer
 * fits the catalog (the docs changed), it is stale and nothing of it is applied.
 */
import { createRequire } from 'node:module';
import type jsonPatch from 'fast-json-patch';
import type { Catalog, Operation, TypeDef } from '../model/catalog.js';
import type { Example, JsonBody, PropertyRow, TypeRef } from '../model/page.js';
import { lookupType, qualifyTypeName } from '../catalog/index.js';
import { parseTypeRef } from '../parse/type-ref.js';
import { locateAnchor } from './anchor.js';
import type { Correction, Erratum, ErrataReport, JsonPatchOperation, Side } from './model.js';

export interface ErrataResult {
  catalog: Catalog;
  report: ErrataReport;
}

/** A correction that does not fit the catalog any more. */
class Stale extends Error {}

export function applyErrata(catalog: Catalog, errata: readonly Erratum[], sourceLines: (file: string) => readonly string[] | undefined): ErrataResult {
  const report: ErrataReport = { applied: [], stale: [] };
  if (errata.length === 0) return { catalog, report };
  const operations = [...catalog.operations];
  const types = new Map(catalog.types);
  for (const erratum of errata) {
    const lines = sourceLines(erratum.file);
    if (!lines) {
      report.stale.push({ id: erratum.id, reason: `its page ${erratum.file} is not in the docs` });
      continue;
    }
    const anchored = locateAnchor(lines, erratum.anchor);
    if ('problem' in anchored) {
      report.stale.push({ id: erratum.id, reason: anchored.problem });
      continue;
    }
    try {
      const opIndex = operationIndex(operations, erratum.file);
      if (opIndex >= 0) {
        operations[opIndex] = correctOperation(operations[opIndex], erratum, anchored.line, types);
      } else {
        const key = [...types.entries()].find(([, def]) => def.source.file === erratum.file)?.[0];
        if (key === undefined) throw new Stale(`the catalog has no operation or type from ${erratum.file}`);
        types.set(key, correctType(types.get(key) as TypeDef, erratum, types));
      }
      report.applied.push({ id: erratum.id, line: anchored.line });
    } catch (err) {
      if (!(err instanceof Stale)) throw err;
      report.stale.push({ id: erratum.id, reason: err.message });
    }
  }
  return { catalog: { ...catalog, operations, types }, report };
}

/** The operation whose facts come from the page (its first source), else one the page also documents. */
function operationIndex(operations: readonly Operation[], file: string): number {
  const primary = operations.findIndex((op) => op.sources[0]?.file === file);
  return primary >= 0 ? primary : operations.findIndex((op) => op.sources.some((s) => s.file === file));
}

function correctOperation(original: Operation, erratum: Erratum, anchorLine: number, types: Map<string, TypeDef>): Operation {
  let op: Operation = original;
  const mark = (list: string[] | undefined) => [...new Set([...(list ?? []), erratum.id])];
  for (const c of erratum.correct) {
    switch (c.op) {
      case 'replace-request-body': {
        const properties = c.properties.map((p): PropertyRow => ({
          file: erratum.source.file,
          line: erratum.source.line,
          name: p.name,
          type: typeRef(p.type, op.version, types),
          description: p.description ?? '',
          ...(p.required !== undefined ? { required: p.required } : {}),
          ...(p.nullable !== undefined ? { nullable: p.nullable } : {}),
        }));
        const source = op.requestBody?.source ?? { file: erratum.file, line: anchorLine };
        op = { ...op, requestBody: { properties, source, errata: mark(op.requestBody?.errata) } };
        break;
      }
      case 'rename-property':
      case 'retype-property': {
        const body = op.requestBody;
        if (!body || !body.properties.some((r) => r.name === c.property)) throw new Stale(`the request body has no property "${c.property}"`);
        const properties = body.properties.map((r) => (r.name !== c.property ? r
          : c.op === 'rename-property' ? { ...r, name: c.to } : { ...r, type: typeRef(c.type, op.version, types) }));
        op = { ...op, requestBody: { ...body, properties, errata: mark(body.errata) } };
        break;
      }
      case 'set-status':
        op = { ...op, successStatus: c.status, errata: mark(op.errata) };
        break;
      case 'set-permissions':
        op = {
          ...op,
          permissions: c.permissions.map((p) => ({ type: p.type, scopes: [...p.scopes], raw: p.scopes.length > 0 ? p.scopes.join(', ') : 'Not supported.', file: erratum.source.file, line: erratum.source.line })),
          errata: mark(op.errata),
        };
        break;
      case 'json-patch': {
        const { examples, ...rest } = op;
        op = { ...patched(rest, c.patch), examples, errata: mark(op.errata) } as Operation;
        break;
      }
      default:
        op = { ...op, examples: correctExamples(op.examples, erratum, c) };
    }
  }
  return op;
}

function correctType(original: TypeDef, erratum: Erratum, types: Map<string, TypeDef>): TypeDef {
  let def = original;
  const mark = () => [...new Set([...(def.errata ?? []), erratum.id])];
  for (const c of erratum.correct) {
    switch (c.op) {
      case 'rename-property':
      case 'retype-property': {
        if (!def.properties.some((r) => r.name === c.property)) throw new Stale(`${def.name} has no property "${c.property}"`);
        const properties = def.properties.map((r) => (r.name !== c.property ? r
          : c.op === 'rename-property' ? { ...r, name: c.to } : { ...r, type: typeRef(c.type, def.version, types) }));
        def = { ...def, properties, errata: mark() };
        break;
      }
      case 'json-patch':
        def = { ...(patched(def, c.patch) as TypeDef), errata: mark() };
        break;
      default:
        throw new Stale(`"${c.op}" corrects an operation, but ${erratum.file} is a resource page (${def.name})`);
    }
  }
  return def;
}

type ExampleCorrection = Extract<Correction, { side: Side }>;

/** The page's examples with the correction applied to each targeted body (at least one must take it). */
function correctExamples(examples: Example[], erratum: Erratum, c: ExampleCorrection): Example[] {
  const ofPage = examples.filter((e) => e.file === erratum.file);
  const targets = c.example !== undefined ? [ofPage[c.example - 1]].filter(Boolean) : ofPage;
  if (c.example !== undefined && targets.length === 0) throw new Stale(`the page has no example ${c.example} (it has ${ofPage.length})`);
  let corrected = 0;
  const problems: string[] = [];
  const out = examples.map((example) => {
    const part = example[c.side];
    const body = part?.body;
    if (!targets.includes(example) || !part || !body || body.value === undefined) return example;
    const result = correctValue(body.value, c);
    if ('problem' in result) {
      problems.push(result.problem);
      return example;
    }
    corrected++;
    const fixed: JsonBody = { ...body, value: result.value, errata: [...new Set([...(body.errata ?? []), erratum.id])] };
    return { ...example, [c.side]: { ...part, body: fixed } };
  });
  if (corrected === 0) throw new Stale(`${c.op} ${c.pointer}: ${problems[0] ?? `no ${c.side} example with a JSON body`}`);
  return out;
}

/** The corrected copy of an example value, or why the correction does not fit it. */
function correctValue(value: unknown, c: ExampleCorrection): { value: unknown } | { problem: string } {
  const segments = parsePointer(c.pointer);
  if (c.op === 'unwrap-example') {
    const inner = valueAt(value, segments);
    return inner === undefined ? { problem: 'the example has nothing there' } : { value: structuredClone(inner) };
  }
  const copy = structuredClone(value);
  const parent = valueAt(copy, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (!parent || typeof parent !== 'object' || Array.isArray(parent) || last === undefined) return { problem: 'the example has no object there' };
  const record = parent as Record<string, unknown>;
  if (c.op === 'fix-example-value') {
    record[last] = structuredClone(c.value);
    return { value: copy };
  }
  if (!(last in record)) return { problem: `the example has no "${last}"` };
  if (c.op === 'remove-example-property') {
    delete record[last];
    return { value: copy };
  }
  // Rename in place: the corrected example keeps the documented order of its keys.
  const entries = Object.entries(record).map(([k, v]) => [k === last ? c.to : k, v] as const);
  for (const key of Object.keys(record)) delete record[key];
  for (const [k, v] of entries) record[k] = v;
  return { value: copy };
}

/** A type as a Type cell writes it, resolved in `version`; a named type must be in the catalog. */
function typeRef(raw: string, version: string, types: Map<string, TypeDef>): TypeRef {
  const ref = parseTypeRef(raw);
  if (ref.kind === 'primitive') return ref;
  if (ref.kind !== 'named') throw new Stale(`type "${raw}" is not a type name`);
  const name = qualifyTypeName(ref.name);
  const def = lookupType(types, version, name);
  if (!def) throw new Stale(`type ${name} is defined by no resource page visible in ${version}`);
  return { raw, kind: 'named', name: def.name, collection: ref.collection };
}

function patched<T extends object>(target: T, patch: JsonPatchOperation[]): T {
  try {
    // Loaded with the first patch, not with this module (most docs have no errata).
    const { applyPatch } = createRequire(import.meta.url)('fast-json-patch') as typeof jsonPatch;
    return applyPatch(structuredClone(target), patch as jsonPatch.Operation[], true, true).newDocument;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'TEST_OPERATION_FAILED') throw new Stale('a JSON Patch "test" failed: the catalog no longer says what the erratum expects');
    throw new Stale(`JSON Patch does not apply: ${(e.message ?? String(err)).split('\n')[0]}`);
  }
}

function parsePointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
