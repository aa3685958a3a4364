/**
 * Catalog findings as lint reports them. The catalog says what it could not build; lint says what that
 * means for the docs' reader:
 *  - a conceptual page in resources/ (`doc_type: conceptualPageType`, "Working with files") defines no
 *    type by design: its catalog-untyped-resource note is no finding of the docs;
 *  - a type linked to a page this docs tree does not hold (the shared corpus is a subset; a docs
 *    checkout may be partial) is unresolved because the page is absent, not because the docs are wrong:
 *    an info saying so, not a warning;
 *  - likewise a base type (schema-unresolved-base-type) for which the tree holds no page of its name.
 */
import { posix } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { ParsedPage, PropertyRow } from '../model/page.js';

export function calibrateCatalogFindings(findings: readonly Finding[], pages: readonly ParsedPage[], knownFiles: readonly string[]): Finding[] {
  const byFile = new Map(pages.map((p) => [p.file, p]));
  const known = new Set(knownFiles.map((f) => f.toLowerCase()));
  let names: Map<string, string> | undefined;
  // Local type names the resource pages define, lower-cased → as written (built on first need).
  const typeNames = () => (names ??= new Map(pages.flatMap((p) => (p.kind === 'resource' && p.typeName ? [[localName(p.typeName).toLowerCase(), localName(p.typeName)] as [string, string]] : []))));
  let versionsOf: Map<string, Set<string>> | undefined;
  // Versions whose resource pages define a local type name (built on first need).
  const otherVersionsDefining = (name: string | undefined, version: string): string[] => {
    versionsOf ??= pages.reduce((m, p) => {
      if (p.kind === 'resource' && p.typeName && p.version) {
        const key = localName(p.typeName).toLowerCase();
        m.set(key, (m.get(key) ?? new Set()).add(p.version.value));
      }
      return m;
    }, new Map<string, Set<string>>());
    const defined = versionsOf.get(localName(name ?? '').toLowerCase());
    return defined && !defined.has(version) ? [...defined].sort() : [];
  };
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === 'catalog-untyped-resource' && isConceptual(byFile.get(f.file))) continue;
    if (f.ruleId === 'catalog-unresolved-type' && f.severity === 'warning') {
      const name = /type "([^"]+)"/.exec(f.message)?.[1];
      // "a collection of **secureScores** objects": the plural of a type the tree defines, not an unknown type.
      const singular = pluralOfKnown(name, typeNames());
      if (singular) {
        out.push({ ...f, severity: 'info', message: `${f.message} (it reads as the plural of ${singular}, which is defined)` });
        continue;
      }
      // An unlinked `IdentitySet` on a beta page when only v1.0's identityset.md is in the tree: the type
      // exists, this version's page is what the (partial) tree lacks.
      const version = byFile.get(f.file)?.version?.value;
      const elsewhere = version && !/\(link /.test(f.message) ? otherVersionsDefining(name, version) : [];
      if (elsewhere.length > 0) {
        out.push({ ...f, severity: 'info', message: `${f.message} (${elsewhere.join(', ')} defines it here: this version's page is not in this docs tree)` });
        continue;
      }
      // An unlinked type whose row lists its values ("The possible values are: `userManaged`, …"): an enum the
      // row itself documents; its enums.md section is what this tree lacks (newer pages beside older ones).
      if (!/\(link /.test(f.message) && /\bpossible values (?:are|include)\b/i.test(rowAt(byFile.get(f.file), f.line)?.description ?? '')) {
        out.push({ ...f, severity: 'info', message: `${f.message} (the row lists its values: an enum whose definition is not in this docs tree)` });
        continue;
      }
    }
    if (f.ruleId === 'catalog-unresolved-type') {
      const link = /\(link ([^)\s]+)\)/.exec(f.message)?.[1];
      if (link && !/^[a-z]+:/i.test(link)) {
        const target = posix.normalize(posix.join(posix.dirname(f.file), link.replace(/\\/g, '/').replace(/#.*$/, '')));
        if (!known.has(target.toLowerCase())) {
          out.push({ ...f, severity: 'info', message: `${f.message} (the linked page is not in this docs tree)` });
          continue;
        }
      }
    }
    out.push(f);
  }
  return out;
}

/** The property row of a page at a line (resource Properties/Relationships, request body). */
function rowAt(page: ParsedPage | undefined, line: number): PropertyRow | undefined {
  const rows = page?.kind === 'resource' ? [...page.properties, ...page.relationships] : page?.kind === 'api' ? (page.requestBody?.properties ?? []) : [];
  return rows.find((r) => r.line === line);
}

function localName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** `secureScores` → `secureScore` when that is a defined type (also -es: `addresses` → `address`). */
function pluralOfKnown(name: string | undefined, known: Map<string, string>): string | undefined {
  const local = localName(name ?? '').toLowerCase();
  if (!local.endsWith('s') || known.has(local)) return undefined;
  return known.get(local.slice(0, -1)) ?? (local.endsWith('es') ? known.get(local.slice(0, -2)) : undefined);
}

/** A conceptual page: so marked in its front matter, or an overview (`security-api-overview.md`). */
function isConceptual(page: ParsedPage | undefined): boolean {
  const docType = page?.frontMatter.doc_type;
  return (typeof docType === 'string' && /conceptual/i.test(docType)) || /(^|[/-])overview\.md$/i.test(page?.file ?? '');
}

/**
 * Schema generation findings as lint reports them: a base type with no page of its name in this docs tree
 * (`microsoft.graph.directoryObject` → no `directoryobject.md` beside the page) is missing from the tree, not wrong on the
 * page that names it: an info saying so. A base type whose page is here but defines no such type stays a warning.
 */
export function calibrateSchemaFindings(findings: readonly Finding[], knownFiles: readonly string[]): Finding[] {
  const known = new Set(knownFiles.map((f) => f.replace(/\\/g, '/').toLowerCase()));
  return findings.map((f) => {
    const base = f.ruleId === 'schema-unresolved-base-type' ? /base type (\S+) is defined by no resource page/.exec(f.message)?.[1] : undefined;
    if (!base) return f;
    const parts = base.replace(/^microsoft\.graph\./i, '').toLowerCase().split('.');
    const local = parts.pop()!;
    const candidates = [`${local}.md`, ...(parts.length ? [`${parts.join('-')}-${local}.md`] : [])];
    // Beside the page that names it: the same version's folder (beta may have a page v1.0 lacks).
    const folder = posix.dirname(f.file.replace(/\\/g, '/'));
    if (candidates.some((c) => known.has(posix.join(folder, c).toLowerCase()))) return f;
    return { ...f, severity: 'info', message: `${f.message} (no page of that name is in this docs tree)` };
  });
}
