/** Errata files: the seeds' load; a bad file is one ErrataError naming file and line (never a crash). */
import { expect } from 'chai';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadErrata, parseErrataFile, ErrataError } from '../../src/errata/index.js';
import { DocsDirError } from '../../src/parse/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const GOOD = `errata:
  - id: fix-one
    page: api/a.md
    anchor: { text: '"endDate": "x"' }
    answers:
      - { rule: example-request-unknown-property, fingerprint: 0123456789abcdef }
    correct:
      - { op: rename-example-property, side: request, pointer: /endDate, to: endDateTime }
    reason: the resource documents endDateTime
`;

function errorOf(text: string): string {
  try {
    parseErrataFile(text, 'docs/errata/x.yaml');
  } catch (err) {
    expect(err).to.be.instanceOf(ErrataError);
    expect(err).to.be.instanceOf(DocsDirError); // so every command reports it as "could not run" (exit 2)
    return (err as Error).message;
  }
  return expect.fail('should throw');
}

describe('errata: loading', () => {
  it('reads the project\'s errata, with the page as the parser names it and the line of each id', async () => {
    const errata = await loadErrata([join(ROOT, 'apidocs')], ROOT);
    expect(errata.length).to.be.greaterThan(8);
    const body = errata.find((e) => e.id === 'addkey-beta-request-body');
    expect(body?.file).to.equal('apidocs/api/application-addkey.md');
    expect(body?.source.file).to.equal('apidocs/errata/application-addkey.yaml');
    expect(body?.source.line).to.be.greaterThan(1);
    expect(new Set(errata.map((e) => e.id)).size).to.equal(errata.length);
  });

  it('a docs tree without an errata folder has none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-errata-'));
    try {
      expect(await loadErrata([dir], dir)).to.deep.equal([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('parses a good file', () => {
    const [e] = parseErrataFile(GOOD, 'docs/errata/x.yaml', (p) => `docs/${p}`);
    expect(e).to.include({ id: 'fix-one', page: 'api/a.md', file: 'docs/api/a.md' });
    expect(e.source).to.deep.equal({ file: 'docs/errata/x.yaml', line: 2 });
  });

  it('names file and line of invalid YAML', () => {
    expect(errorOf(GOOD.replace("anchor: { text: '\"endDate\": \"x\"' }", 'anchor: { text: [unclosed'))).to.match(/^docs\/errata\/x\.yaml:5: not valid YAML/);
  });

  it('names file and line of a schema violation: a missing field, an unknown correction, a bad fingerprint, an unknown key', () => {
    expect(errorOf(GOOD.replace(/    reason: .*\n/, ''))).to.match(/^docs\/errata\/x\.yaml:2: errata\[0\]: must have required property 'reason'/);
    expect(errorOf(GOOD.replace('op: rename-example-property', 'op: rewrite-everything'))).to.match(/^docs\/errata\/x\.yaml:8: errata\[0\]\.correct\[0\]: "op" must be one of the corrections .*rewrite-everything/);
    expect(errorOf(GOOD.replace('0123456789abcdef', 'nothex'))).to.match(/^docs\/errata\/x\.yaml:6: errata\[0\]\.answers\[0\]\.fingerprint: must match pattern/);
    expect(errorOf(GOOD.replace('    page: api/a.md', '    page: api/a.md\n    pages: x'))).to.match(/^docs\/errata\/x\.yaml:4: errata\[0\]: unknown property "pages"/);
    expect(errorOf(GOOD.replace('side: request', 'side: both'))).to.match(/^docs\/errata\/x\.yaml:8: errata\[0\]\.correct\[0\]\.side: must be equal to one of the allowed values/);
    expect(errorOf('errata: []\n')).to.match(/^docs\/errata\/x\.yaml:1: errata: must NOT have fewer than 1 items/);
  });

  it('JSON Patch may not reach the examples (the example corrections do that)', () => {
    const patch = GOOD.replace('      - { op: rename-example-property, side: request, pointer: /endDate, to: endDateTime }', '      - { op: json-patch, patch: [{ op: remove, path: /examples/0 }] }');
    expect(errorOf(patch)).to.match(/x\.yaml:8: errata\[0\]\.correct\[0\]\.patch\[0\]\.path: must match pattern/);
  });

  it('refuses an id used twice, naming both places', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-errata-'));
    try {
      await mkdir(join(dir, 'errata'));
      await writeFile(join(dir, 'errata', 'a.yaml'), GOOD);
      await writeFile(join(dir, 'errata', 'b.yaml'), GOOD);
      await loadErrata([dir], dir).then(() => expect.fail('should throw'), (e: Error) => {
        expect(e).to.be.instanceOf(ErrataError);
        expect(e.message).to.equal('errata/b.yaml:2: erratum id "fix-one" is already used (errata/a.yaml:2)');
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
