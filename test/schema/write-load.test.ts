import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_FILE, writeGeneratedFiles } from '../../src/schema/write.js';
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
