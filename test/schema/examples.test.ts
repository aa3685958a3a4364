import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOutput, generateOutputAsync, loadCatalog } from '../../src/schema/pipeline.js';
import { openApiPath } from '../../src/model/schema-layout.js';
import { serializeJson } from '../../src/schema/write.js';
import { schemaSetFromFiles } from '../../src/schema/load.js';
import { workerExampleCheck } from '../../src/schema/examples.js';
import { schemaId } from '../../src/model/schema-layout.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('schema: rejected examples explained on a worker thread', () => {
  let docs: string;
  before(async () => {
    docs = await mkdtemp(join(tmpdir(), 'graphpact-examples-'));
    await mkdir(join(docs, 'api'), { recursive: true });
    const page = await readFile(`${ROOT}apidocs/api/application-addkey-localtest.md`, 'utf8');
    const broken = page.replace('  "proof": "Proof value"\n}', '  "proof": "Proof value",\n  "notDocumented": 1\n}');
    expect(broken).to.not.equal(page);
    await writeFile(join(docs, 'api', 'application-addkey-localtest.md'), broken);
  });
  after(async () => {
    await rm(docs, { recursive: true, force: true });
  });

  it('gives the same outputs as judging them in this thread, once pending settles', async () => {
    const { catalog } = await loadCatalog([docs], { root: docs });
    const here = generateOutput(catalog);
    const there = generateOutputAsync(catalog, { worker: true });
    expect(there.pending?.paths).to.deep.equal(here.index.versions.map(openApiPath));
    const media = (files: Map<string, unknown>): any => (files.get(openApiPath('localtest')) as any).paths['/applications/{applicationsId}/addKey'].post.requestBody.content['application/json'];
    // Before the worker answers, the media type has neither list; after, the one the thread gives.
    expect(media(there.files)).to.not.have.property('x-graphpact-examples-left-out');
    await there.pending?.settled;
    expect(media(there.files)['x-graphpact-examples-left-out']).to.deep.equal(media(here.files)['x-graphpact-examples-left-out']);
    expect(media(here.files)['x-graphpact-examples-left-out'][0].error).to.equal('/ must NOT have additional properties');
    expect([...there.files.keys()]).to.deep.equal([...here.files.keys()]);
    for (const [path, value] of here.files) expect(serializeJson(there.files.get(path)), path).to.equal(serializeJson(value));
  });

  it('with nothing to explain, nothing is pending', async () => {
    const { catalog } = await loadCatalog([`${ROOT}apidocs`], { root: ROOT });
    expect(generateOutputAsync(catalog, { worker: true }).pending).to.equal(undefined);
  });
});

describe('schema: workerExampleCheck', () => {
  it('answers a certainly valid value at once and a rejected one from the worker, with ajv\'s first error', async () => {
    const file = 'v1.0/types/microsoft.graph.thing.json';
    const files = new Map([[file, { $id: schemaId(file), type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false }]]);
    const set = schemaSetFromFiles('(test)', { versions: ['v1.0'], operations: [] }, files);
    const judge = workerExampleCheck(set, files);
    try {
      expect(judge.check(file, { n: 1 })).to.equal(undefined);
      const later = judge.check(file, { n: 'one' });
      expect(later).to.be.instanceOf(Promise);
      expect(await later).to.equal('/n must be integer');
      expect(await judge.check(file, { m: 1 })).to.equal('/ must NOT have additional properties');
      expect(judge.fellBack()).to.equal(false);
    } finally {
      await judge.close();
    }
  });
});
