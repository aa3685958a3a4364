import type { LintRule } from '../types.js';
import type { Catalog, Operation } from '../../model/catalog.js';
import type { Finding, SourcePos } from '../../model/finding.js';
import { findingAt } from '../report.js';
import { widgetFixture, widgetPage, WIDGET_DEFAULTS, WIDGET_RESOURCE } from './fixtures.js';

/**
 * Top-level request body properties an operation documents (lower-cased: Graph matches names ignoring
 * case; `files/fileName` counts as `files`), with the name as written and where it is documented.
 */
function topLevelProperties(op: Operation): Map<string, { name: string; at: SourcePos }> | undefined {
  const body = op.requestBody;
  // A body that is "a JSON representation of [x]" is the type's business (its resource page), not the table's.
  if (!body || body.representationOf) return undefined;
  if (body.wrapperProperty) return new Map([[body.wrapperProperty.toLowerCase(), { name: body.wrapperProperty, at: body.source }]]);
  if (body.properties.length === 0) return undefined;
  const out = new Map<string, { name: string; at: SourcePos }>();
  for (const p of body.properties) {
    const name = p.name.split('/')[0];
    if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), { name, at: { file: p.file, line: p.line } });
  }
  return out;
}

/** Operations grouped by method and id (the id is derived from the path, so it is the same in every version). */
const groupsOf = new WeakMap<Catalog, Map<string, Operation[]>>();
function sameOperationElsewhere(catalog: Catalog, op: Operation): Operation[] {
  let groups = groupsOf.get(catalog);
  if (!groups) {
    groups = new Map();
    for (const o of catalog.operations) {
      const key = `${o.method} ${o.id}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    groupsOf.set(catalog, groups);
  }
  return (groups.get(`${op.method} ${op.id}`) ?? []).filter((o) => o.version !== op.version && o.version !== 'unversioned');
}

/**
 * beta documents features v1.0 does not have yet: a property only beta documents is expected, not a
 * defect of the v1.0 page. Every other direction (v1.0 → beta, any other version pair) should agree.
 */
function expectedAbsent(version: string, otherVersion: string): boolean {
  return version === 'v1.0' && otherVersion === 'beta';
}

export const rule: LintRule<'operation'> = {
  id: 'request-body-version-mismatch',
  severity: 'info',
  purpose: 'The same action or create documented in another API version documents no request body property this one lacks (beta-only properties and reshaped bodies excepted).',
  given: 'operation',
  check(op, ctx) {
    // An update's table lists "relevant fields" of a resource whose properties differ by version: the
    // resource pages are what to compare there, not the tables.
    if (op.version === 'unversioned' || op.method === 'PATCH' || op.method === 'PUT') return [];
    const own = topLevelProperties(op);
    if (!own) return [];
    const reported = new Set<string>();
    const out: Finding[] = [];
    for (const other of sameOperationElsewhere(ctx.catalog, op)) {
      if (expectedAbsent(op.version, other.version)) continue;
      const theirs = topLevelProperties(other);
      if (!theirs) continue;
      // A version documenting properties the other lacks too was reshaped (renamed, restructured), not left incomplete.
      if ([...own.keys()].some((key) => !theirs.has(key))) continue;
      for (const [key, { name, at }] of theirs) {
        if (own.has(key) || reported.has(key)) continue;
        reported.add(key);
        out.push(findingAt(rule, op.requestBody!.source,
          `request body property "${name}" of ${op.method} ${op.path} is documented in ${other.version} (${at.file}:${at.line}) but not in ${op.version}`));
      }
    }
    return out;
  },
  examples: {
    ok: [
      {
        ...widgetFixture(),
        file: 'v1.0/api/widget-create.md',
        pages: { 'v1.0/resources/widget.md': WIDGET_RESOURCE, 'beta/api/widget-create.md': widgetPage(), 'beta/resources/widget.md': WIDGET_RESOURCE },
      },
      // A property only beta documents is a beta feature, not a gap of v1.0.
      {
        ...widgetFixture(),
        file: 'v1.0/api/widget-create.md',
        pages: {
          'v1.0/resources/widget.md': WIDGET_RESOURCE,
          'beta/api/widget-create.md': widgetPage({ bodyTable: WIDGET_DEFAULTS.bodyTable + '\n|ownerId|Guid|The owner.|', requestBody: '{\n  "displayName": "Blue",\n  "size": 3,\n  "ownerId": "1"\n}' }),
          'beta/resources/widget.md': WIDGET_RESOURCE,
        },
      },
    ],
    notOk: [
      {
        ...widgetFixture({ bodyTable: WIDGET_DEFAULTS.bodyTable.replace('\n|size|Int32|Size of the widget.|', ''), requestBody: '{\n  "displayName": "Blue"\n}' }, '## Request body'),
        file: 'beta/api/widget-create.md',
        pages: { 'beta/resources/widget.md': WIDGET_RESOURCE, 'v1.0/api/widget-create.md': widgetPage(), 'v1.0/resources/widget.md': WIDGET_RESOURCE },
      },
    ],
  },
};
