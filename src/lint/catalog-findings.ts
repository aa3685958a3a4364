/**
 * Catalog findings as lint reports them. The catalog says what it could not build; lint says what that
 * means for the docs' reader:
 *  - a conceptual page in resources/ (`doc_type: conceptualPageType`, "Working with files") defines no
 *    type by design: its catalog-untyped-resource note is no finding of the docs;
 *  - a type linked to a page this docs tree does not hold (the shared corpus is a subset; a docs
 *    checkout may be partial) is unresolved because the page is absent, not because the docs are wrong:
 *    an info saying so, not a warning.
 */
import { posix } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { ParsedPage } from '../model/page.js';

export function calibrateCatalogFindings(findings: readonly Finding[], pages: readonly ParsedPage[], knownFiles: readonly string[]): Finding[] {
  const byFile = new Map(pages.map((p) => [p.file, p]));
  const known = new Set(knownFiles.map((f) => f.toLowerCase()));
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === 'catalog-untyped-resource' && isConceptual(byFile.get(f.file))) continue;
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

/** A conceptual page: so marked in its front matter, or an overview (`security-api-overview.md`). */
function isConceptual(page: ParsedPage | undefined): boolean {
  const docType = page?.frontMatter.doc_type;
  return (typeof docType === 'string' && /conceptual/i.test(docType)) || /(^|[/-])overview\.md$/i.test(page?.file ?? '');
}
