import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_FILE, STATE_FILE, canonicalJson, serializeJson, serializeToBuffers, upToDateReport, writeGeneratedFiles } from '../../src/schema/write.js';
import { JsonText } from '../../src/schema/json-text.js';
import { sortKeys, stableJson } from '../../src/util/fs.js';
import { clearRegisteredSecrets, markRedacted, redactValue, registerSecret } from '../../src/util/redact.js';
import { loadSchemaSet } from '../../src/schema/load.js';
import { schemaId } from '../../src/model/schema-layout.js';

const index = { versions: ['beta'], operations: [] };
const typeFile = 'beta/types/microsoft.graph.thing.json';

function thing(extra: Record<string, unknown> = {}) {
  return { $id: schemaId(typeFile), type: 'object', properties: { n: { type: 'integer' } }, ...extra };
}

describe('schema: writing and loading a schema set', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'graphpact-schemas-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes sorted keys with a final newline, and the same input gives the same bytes', async () => {
    await writeGeneratedFiles(dir, new Map<string, unknown>([[typeFile, { z: 1, a: { y: 2, b: 3 } }]]));
    const text = await readFile(join(dir, typeFile), 'utf8');
    expect(text).to.equal('{\n  "a": {\n    "b": 3,\n    "y": 2\n  },\n  "z": 1\n}\n');
    const again = await writeGeneratedFiles(dir, new Map<string, unknown>([[typeFile, { a: { b: 3, y: 2 }, z: 1 }]]));
    expect(again).to.deep.include({ written: 0, unchanged: 1 });
  });

  it('removes its own stale files after writing, never files it did not generate', async () => {
    const old = 'beta/operations/gone.request.json';
    await writeGeneratedFiles(dir, new Map<string, unknown>([[typeFile, thing()], [old, {}]]));
    await writeFile(join(dir, 'beta/operations/hand-written.json'), '{}\n');
    await mkdir(join(dir, 'notes'));
    await writeFile(join(dir, 'notes/readme.txt'), 'mine');
    const result = await writeGeneratedFiles(dir, new Map<string, unknown>([[typeFile, thing()]]));
    expect(result.removed).to.deep.equal([old]);
    expect((await readdir(join(dir, 'beta/operations'))).sort()).to.deep.equal(['hand-written.json']);
    expect(await readFile(join(dir, 'notes/readme.txt'), 'utf8')).to.equal('mine');
    expect(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')).files).to.deep.equal([typeFile]);
  });

  it('redacts secrets in anything it writes', async () => {
    await writeGeneratedFiles(dir, new Map<string, unknown>([['index.json', { example: { password: 'hunter2-secret' } }]]));
    expect(await readFile(join(dir, 'index.json'), 'utf8')).to.not.contain('hunter2-secret');
  });

  it('redacts documented example values (OpenAPI examples, JSON Schema examples/default/const) but not generated prose', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const text = serializeJson({
      description: 'Require the device to pass the SafetyNet basic integrity check.',
      content: { 'application/json': { examples: { example1: { value: { secretText: 'hunter2-secret', key: pem } } } } },
      properties: {
        password: { type: 'string', description: 'The password.', examples: ['Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'], default: 'token=abc123def' },
        proof: { const: { proof: 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln' } },
      },
      example: { password: 'p@ssw0rd-in-example' },
    });
    for (const secret of ['hunter2-secret', 'MIIEvQIBADANBg', 'eyJhbGciOiJIUzI1NiJ9', 'abc123def', 'eyJhbGciOiJSUzI1NiJ9', 'p@ssw0rd-in-example']) expect(text).to.not.contain(secret);
    expect(text).to.contain('SafetyNet basic integrity check');
    expect(text).to.contain('"password": {');
  });

  it('does not redact an example value a second time once it is marked redacted (markRedacted); an unmarked one it does', () => {
    const marked = markRedacted({ example1: { value: { note: 'password=kept-as-marked' } } });
    expect(serializeJson({ examples: marked })).to.contain('kept-as-marked');
    expect(serializeJson({ examples: { example1: { value: { note: 'password=not-marked' } } } })).to.not.contain('not-marked');
  });

  it('redacts a secret registered at run time wherever it appears', () => {
    registerSecret('registered-secret-value');
    try {
      expect(serializeJson({ description: 'has registered-secret-value inside' })).to.not.contain('registered-secret-value');
    } finally {
      clearRegisteredSecrets();
    }
    expect(serializeJson({ description: 'has registered-secret-value inside' })).to.contain('registered-secret-value');
  });

  it('writes the bytes of stableJson(sortKeys(value)) for any JSON value', () => {
    const value = { z: [3, { b: undefined, a: null }, undefined, 'x'], a: { '10': 1, '9': 2, B: true, a: -0, n: Number.NaN }, m: '\u2028"\\', e: {}, l: [], u: undefined };
    expect(serializeJson(value)).to.equal(stableJson(sortKeys(value)));
  });

  it('writes what JSON.stringify with a sorting and redacting replacer writes: nested examples, toJSON and out-of-order keys alike', () => {
    // The definition of the bytes, written the slow way (a replacer called back for every key).
    const EXAMPLE_KEYS = new Set(['example', 'examples', 'default', 'const']);
    function reference(this: unknown, key: string, value: unknown): unknown {
      if (EXAMPLE_KEYS.has(key) && value !== undefined && !Array.isArray(this)) value = redactValue(value);
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]));
    }
    const secret = { z: 1, token: 'hunter3-secret', a: { example: { password: 'inner-secret' } } };
    const value = {
      z: [{ example: secret, default: undefined }, { examples: [secret, { const: 'Bearer abcdef123456' }] }],
      b: { when: new Date(Date.UTC(2021, 1, 2)), wrapped: { toJSON: () => ({ y: 2, x: { example: 'Basic dXNlcjpwYXNz' } }) } },
      a: { example: 'nothing secret', const: { b: 2, a: 1 }, examples: ['plain'] },
      example: [{ password: 'top-secret' }, 'text'],
    };
    expect(serializeJson(value)).to.equal(JSON.stringify(value, reference, 2) + '\n');
    expect(serializeJson(value)).to.not.match(/hunter3-secret|inner-secret|abcdef123456|dXNlcjpwYXNz|top-secret/);
  });

  it('a large document serialized in pieces has exactly the bytes of serializeJson, hash and size included', () => {
    const entry = (i: number) => ({ z: i, a: [1, undefined, () => 1, { y: 'x', b: null }], example: { password: `hunter${i}-secret` }, u: undefined, '10': 'ten', '9': 'nine', when: new Date(Date.UTC(2020, 0, i + 1)), e: {}, l: [] });
    const documents: unknown[] = [
      { openapi: '3.1.0', paths: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`/things/${i}`, { get: entry(i), deep: { a: { b: { c: [entry(i)] } } } }])), components: { schemas: { s: entry(0) } }, empty: {} },
      Array.from({ length: 1100 }, (_, i) => (i % 7 === 0 ? undefined : entry(i))),
      { b: 1, a: 2 },
      'text',
      // Pieces beyond Latin-1 (“quotes”, 𝔊 as a surrogate pair) among one-byte ones, and pieces larger than a buffer.
      Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`k${i}`, { d: i % 3 === 0 ? `“${'𝔊'.repeat(i)}” ü` : 'plain', big: i % 400 === 1 ? 'x€'.repeat(300_000) : i }])),
    ];
    for (const value of documents) {
      const { buffers, sha256, size } = serializeToBuffers(value);
      const bytes = Buffer.concat(buffers);
      expect(bytes.toString('utf8')).to.equal(serializeJson(value));
      expect(size).to.equal(bytes.length);
      expect(sha256).to.equal(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(Buffer.concat(serializeToBuffers(documents[0]).buffers).toString()).to.not.contain('hunter1-secret');
  });

  it('writes a new output directory whole (through a temporary folder) and records each file\'s hash', async () => {
    const out = join(dir, 'nested', 'out');
    const result = await writeGeneratedFiles(out, new Map<string, unknown>([['index.json', index], [typeFile, thing()]]));
    expect(result).to.deep.equal({ written: 2, unchanged: 0, removed: [] });
    expect(await readdir(join(dir, 'nested'))).to.deep.equal(['out']);
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8'));
    expect(manifest.files).to.deep.equal(['beta/types/microsoft.graph.thing.json', 'index.json']);
    expect(manifest.sha256['index.json']).to.match(/^[0-9a-f]{64}$/);
  });

  it('a new directory written by the writer thread has the bytes, manifest and build record of one written in this thread', async () => {
    registerSecret('hunter9-registered-secret');
    try {
      const files = new Map<string, unknown>([['index.json', index]]);
      for (let i = 0; i < 40; i++) files.set(`beta/types/t${i}.json`, thing({ description: `type ${i} ✓ \ud800`, example: { password: `hunter${i}-secret` } }));
      files.set('beta/operations/x.json', { note: 'hunter9-registered-secret' });
      // A document large enough to be serialized in pieces: written from this thread either way.
      files.set('openapi.beta.json', { paths: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`/t/${i}`, { get: { z: i, a: i } }])) });
      const outs = { here: join(dir, 'here'), writer: join(dir, 'writer') };
      for (const [name, out] of Object.entries(outs)) await writeGeneratedFiles(out, files, { record: { inputs: 'inputs', report: { ok: 1 } }, writerThread: name === 'writer' });
      const listed = JSON.parse(await readFile(join(outs.here, MANIFEST_FILE), 'utf8')).files as string[];
      expect(listed).to.have.length(files.size);
      for (const file of [...listed, MANIFEST_FILE]) expect(await readFile(join(outs.writer, file)), file).to.deep.equal(await readFile(join(outs.here, file)));
      expect(await readFile(join(outs.writer, 'beta/operations/x.json'), 'utf8')).to.not.contain('hunter9-registered-secret');
      // The record's stat data (taken by the writer before it closed each file) is the files' own, so the set is up to date.
      const record = JSON.parse(await readFile(join(outs.writer, STATE_FILE), 'utf8')) as { stats: Record<string, [number, number]> };
      for (const file of listed) {
        const info = await stat(join(outs.writer, file));
        expect(record.stats[file], file).to.deep.equal([info.size, info.mtimeMs]);
      }
      expect(upToDateReport(outs.writer, 'inputs')).to.deep.equal({ ok: 1 });
      expect((await readdir(dir)).sort()).to.deep.equal(['here', 'writer']);
    } finally {
      clearRegisteredSecrets();
    }
  });

  it('more small files than the writer thread may have queued (4 MiB) are all written, fed between the pieces of the large documents', async () => {
    const files = new Map<string, unknown>([['index.json', index]]);
    // 160 files of ~40,000 characters: 6.4 MB, so the writer is fed in turns; some are JsonTexts, as a build's are.
    for (let i = 0; i < 160; i++) {
      const value = thing({ description: `${i}: ${'x'.repeat(40_000)}` });
      files.set(`beta/types/t${String(i).padStart(3, '0')}.json`, i % 2 === 0 ? value : new JsonText(canonicalJson(value)));
    }
    for (const version of ['beta', 'v1.0']) files.set(`openapi.${version}.json`, { paths: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`/t/${i}`, { get: { d: 'y'.repeat(500), i } }])) });
    const outs = { here: join(dir, 'here'), writer: join(dir, 'writer') };
    for (const [name, out] of Object.entries(outs)) await writeGeneratedFiles(out, files, { writerThread: name === 'writer' });
    const listed = JSON.parse(await readFile(join(outs.here, MANIFEST_FILE), 'utf8')).files as string[];
    expect(listed).to.have.length(files.size);
    for (const file of [...listed, MANIFEST_FILE]) expect(await readFile(join(outs.writer, file)), file).to.deep.equal(await readFile(join(outs.here, file)));
    expect(await readFile(join(outs.writer, 'beta/types/t001.json'), 'utf8')).to.equal(serializeJson(thing({ description: `1: ${'x'.repeat(40_000)}` })));
  });

  it('a file the writer thread cannot create fails the write with its error, and no folder is left behind', async () => {
    const files = new Map<string, unknown>([['index.json', index], [`beta/types/${'x'.repeat(300)}.json`, thing()]]);
    for (let i = 0; i < 10; i++) files.set(`beta/types/t${i}.json`, thing());
    const out = join(dir, 'out');
    const failure = await writeGeneratedFiles(out, files, { writerThread: true }).then(() => undefined, (err: NodeJS.ErrnoException) => err);
    expect(failure?.code).to.equal('ENAMETOOLONG');
    expect(failure?.message).to.contain('x'.repeat(300));
    expect(await readdir(dir)).to.deep.equal([]);
  });

  it('an up-to-date rebuild writes nothing, not even the manifest; a file edited since is rewritten', async () => {
    const files = new Map<string, unknown>([['index.json', index], [typeFile, thing()]]);
    await writeGeneratedFiles(dir, files);
    // Times in the past, files older than the manifest (as a build leaves them), so that any rewrite would show.
    const now = Date.now();
    for (const file of [typeFile, 'index.json']) await utimes(join(dir, file), new Date(now - 120_000), new Date(now - 120_000));
    await utimes(join(dir, MANIFEST_FILE), new Date(now - 60_000), new Date(now - 60_000));
    const again = await writeGeneratedFiles(dir, files);
    expect(again).to.deep.equal({ written: 0, unchanged: 2, removed: [] });
    expect(Math.round((await stat(join(dir, MANIFEST_FILE))).mtimeMs / 1000)).to.equal(Math.round((now - 60_000) / 1000));
    expect(Math.round((await stat(join(dir, typeFile))).mtimeMs / 1000)).to.equal(Math.round((now - 120_000) / 1000));

    // Same size, other bytes, modified after the manifest: the manifest's hash cannot vouch for it.
    const target = join(dir, typeFile);
    const original = await readFile(target, 'utf8');
    await writeFile(target, original.replace('integer', 'INTEGER'));
    const repaired = await writeGeneratedFiles(dir, files);
    expect(repaired).to.deep.equal({ written: 1, unchanged: 1, removed: [] });
    expect(await readFile(target, 'utf8')).to.equal(original);
    expect((await readdir(join(dir, 'beta/types'))).filter((n) => n.endsWith('.tmp'))).to.deep.equal([]);
  });

  it('reads a manifest of an earlier format (no hashes): files are compared, stale ones still removed', async () => {
    const old = 'beta/operations/gone.request.json';
    await mkdir(join(dir, 'beta/operations'), { recursive: true });
    await writeFile(join(dir, old), '{}\n');
    await writeFile(join(dir, 'index.json'), serializeJson(index));
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify({ generator: 'graphpact build', files: [old, 'index.json'] }));
    const result = await writeGeneratedFiles(dir, new Map<string, unknown>([['index.json', index]]));
    expect(result).to.deep.equal({ written: 0, unchanged: 1, removed: [old] });
    expect(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')).sha256).to.have.keys(['index.json']);
  });

  it('loads a set and returns cached validators by relative path', async () => {
    await writeGeneratedFiles(dir, new Map<string, unknown>([['index.json', index], [typeFile, thing()]]));
    const set = await loadSchemaSet(dir);
    expect(set.paths).to.deep.equal([typeFile]);
    const validate = set.validator(typeFile);
    expect(validate({ n: 1 })).to.equal(true);
    expect(validate({ n: 'one' })).to.equal(false);
    expect(set.validator(typeFile)).to.equal(validate);
    expect(() => set.validator('beta/types/none.json')).to.throw(/no schema beta\/types\/none\.json/);
  });

  it('names the file when the set is missing or broken', async () => {
    const failure = (promise: Promise<unknown>): Promise<string> => promise.then(() => 'no error', (e: Error) => e.message);
    expect(await failure(loadSchemaSet(join(dir, 'missing')))).to.match(/missing[/\\]index\.json: cannot read schema file \(ENOENT\)/);
    await writeGeneratedFiles(dir, new Map<string, unknown>([['index.json', index]]));
    await mkdir(join(dir, 'beta/types'), { recursive: true });
    await writeFile(join(dir, typeFile), '{ "type": ');
    expect(await failure(loadSchemaSet(dir))).to.contain('microsoft.graph.thing.json: invalid JSON');
  });
});
