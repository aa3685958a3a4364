import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { parsePage } from '../../src/parse/index.js';
import type { ParsedPage } from '../../src/model/page.js';
import { seedPages } from './pages.js';

/**
 * seedPages() keeps the catalog tests independent of the parser; this keeps it honest: on the facts the catalog
 * reads (request, version, status, returned type, body and property rows with their lines), the hand-built model
 * must say what the parser reads from the real apidocs/ pages. A seed edited without its model fails here.
 */
function facts(page: ParsedPage): unknown {
  const rows = (list: { name: string; line: number; type: { kind: string; name: string; collection: boolean } }[] = []) =>
    list.map((r) => [r.name, r.line, r.type.kind, r.type.name.replace(/^Edm\./, ''), r.type.collection]);
  if (page.kind === 'resource') return { file: page.file, type: page.typeName, properties: rows(page.properties) };
  return {
    file: page.file,
    request: page.httpRequests.map((r) => `${r.method} ${r.path}`)[0],
    version: page.version?.value,
    status: page.response?.statusCodes,
    returns: page.response?.returnType?.name,
    body: rows(page.requestBody?.properties),
    lines: { h1: page.h1?.line, body: page.requestBody?.line, response: page.response?.line },
  };
}

describe('catalog test fixtures: seedPages() against the real seeds', () => {
  for (const model of seedPages()) {
    it(model.file, async () => {
      const parsed = parsePage({ file: model.file, text: await readFile(model.file, 'utf8') });
      expect(facts(model)).to.deep.equal(facts(parsed));
    });
  }
});
