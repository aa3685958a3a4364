/**
 * The parser over the dev sample of the real Graph docs (../shared/corpus, read-only test input):
 * every page parses without an internal error, and coverage stays above measured floors.
 * Skipped, with a message, when the corpus is not present.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { FileIndex, parsePage } from '../../src/parse/index.js';
import { parseSimpleYaml } from '../../src/parse/front-matter.js';
import type { ApiPage, ParsedPage, ResourcePage } from '../../src/model/page.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const docsRoot = path.join(corpus, 'graph-docs');
const samplePath = path.join(corpus, 'dev-sample.txt');

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('parse: dev sample of the Graph docs corpus', function () {
  this.timeout(120_000);
  let pages: ParsedPage[] = [];
  let texts: string[] = [];

  before(function () {
    if (!existsSync(samplePath)) {
      console.log(`      (corpus not found at ${corpus}: corpus tests skipped)`);
      this.skip();
    }
    const files = readFileSync(samplePath, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const index = new FileIndex(files.map((f) => path.join(docsRoot, f)));
    texts = files.map((f) => readFileSync(path.join(docsRoot, f), 'utf8'));
    pages = files.map((f, i) => parsePage({ file: path.join(docsRoot, f), text: texts[i] }, index));
  });

  const apiPages = () => pages.filter((p): p is ApiPage => p.kind === 'api');
  const resourcePages = () => pages.filter((p): p is ResourcePage => p.kind === 'resource');
  const hasH2 = (p: ParsedPage, pattern: RegExp) => p.headings.some((h) => h.level === 2 && pattern.test(h.text));
  const isIntune = (p: ParsedPage) => path.basename(p.file).startsWith('intune-');

  it('parses all 1,014 pages (400 API, 614 resource) without an internal error', () => {
    expect(pages).to.have.length(1014);
    expect(apiPages()).to.have.length(400);
    const internal = pages.flatMap((p) => p.findings).filter((f) => f.ruleId === 'parse-internal-error');
    expect(internal, JSON.stringify(internal.slice(0, 3))).to.deep.equal([]);
  });

  it('≥ 95% of API pages with an HTTP request section yield a path', () => {
    const withSection = apiPages().filter((p) => hasH2(p, /^http requests?$/i));
    const withPath = withSection.filter((p) => p.httpRequests.length > 0);
    console.log(`      paths: ${withPath.length}/${withSection.length} pages, ${apiPages().reduce((n, p) => n + p.httpRequests.length, 0)} paths`);
    expect(ratio(withPath.length, withSection.length)).to.be.at.least(0.95);
  });

  it('≥ 90% of API pages with an Example(s) section yield an example, Intune and non-Intune alike', () => {
    for (const [label, filter] of [['intune', isIntune], ['non-intune', (p: ParsedPage) => !isIntune(p)]] as const) {
      const withSection = apiPages().filter((p) => filter(p) && hasH2(p, /^examples?\b/i));
      const found = withSection.filter((p) => p.examples.length > 0);
      const paired = withSection.filter((p) => p.examples.some((e) => e.request && e.response));
      console.log(`      examples (${label}): ${found.length}/${withSection.length} pages (${pct(ratio(found.length, withSection.length))}), paired on ${paired.length}`);
      expect(ratio(found.length, withSection.length)).to.be.at.least(0.9);
    }
  });

  it('≥ 97% of example JSON bodies parse (strict or lenient)', () => {
    const bodies = apiPages().flatMap((p) => p.examples.flatMap((e) => [e.request?.body, e.response?.body])).filter((b) => b !== undefined);
    const counts = { strict: 0, lenient: 0, invalid: 0 };
    for (const b of bodies) counts[b!.parse]++;
    console.log(`      JSON bodies: ${JSON.stringify(counts)}`);
    expect(ratio(counts.strict + counts.lenient, bodies.length)).to.be.at.least(0.97);
  });

  it('request body sections: tables or prose read on ≥ 95% of pages that have one', () => {
    const withSection = apiPages().filter((p) => p.requestBody);
    const read = withSection.filter((p) => p.requestBody!.tables.length > 0 || p.requestBody!.none || p.requestBody!.representationOf);
    const tables = withSection.filter((p) => p.requestBody!.tables.length > 0).length;
    console.log(`      request body: ${withSection.length} sections, ${tables} with tables, ${withSection.filter((p) => p.requestBody!.none).length} none, read ${pct(ratio(read.length, withSection.length))}`);
    expect(ratio(read.length, withSection.length)).to.be.at.least(0.95);
  });

  it('≥ 99% of typed rows get a known type', () => {
    const rows = pages.flatMap((p) => (p.kind === 'api' ? (p.requestBody?.properties ?? []) : [...p.properties, ...p.relationships]));
    const unknown = rows.filter((r) => r.type.kind === 'unknown');
    console.log(`      type rows: ${rows.length}, unknown ${unknown.length}`);
    expect(ratio(rows.length - unknown.length, rows.length)).to.be.at.least(0.99);
  });

  it('response sections name a status code on ≥ 97% of API pages', () => {
    const withSection = apiPages().filter((p) => p.response);
    const withStatus = withSection.filter((p) => p.response!.statusCodes.length > 0);
    expect(ratio(withStatus.length, withSection.length)).to.be.at.least(0.97);
  });

  it('resource pages with a Properties section get a type name and properties', () => {
    const typed = resourcePages().filter((p) => hasH2(p, /^properties$/i));
    expect(ratio(typed.filter((p) => p.typeName).length, typed.length)).to.be.at.least(0.98);
    expect(ratio(typed.filter((p) => p.properties.length > 0).length, typed.length)).to.be.at.least(0.9);
    const enums = resourcePages().filter((p) => p.typeKind === 'enum');
    console.log(`      resources: ${typed.length} with Properties, ${enums.length} enums`);
  });

  it('the YAML fast path agrees with the yaml package on every front matter', () => {
    let fast = 0;
    for (const text of texts) {
      const m = /^---\n([\s\S]*?)\n---/.exec(text);
      if (!m) continue;
      const simple = parseSimpleYaml(m[1]);
      if (!simple) continue;
      fast++;
      expect(simple).to.deep.equal(parseYaml(m[1]));
    }
    expect(fast).to.be.greaterThan(900);
  });
});
