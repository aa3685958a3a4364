import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOutput, loadCatalog } from '../../src/schema/pipeline.js';
import { openApiPath, schemaId } from '../../src/model/schema-layout.js';
import { schemaSetFromFiles } from '../../src/schema/load.js';
import { exampleCheck } from '../../src/schema/examples.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('schema: documented examples a schema rejects', () => {
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

  it('are left out of the OpenAPI document, listed with ajv\'s first error', async () => {
    const { catalog } = await loadCatalog([docs], { root: docs });
    const media = (generateOutput(catalog).files.get(openApiPath('localtest')) as any).paths['/applications/{applicationsId}/addKey'].post.requestBody.content['application/json'];
    expect(media).to.not.have.property('examples');
    expect(media['x-graphpact-examples-left-out'].map((e: { error: string }) => e.error)).to.deep.equal(['/ must NOT have additional properties']);
  });

  it('none are left out of the project\'s own docs', async () => {
    const { catalog } = await loadCatalog([`${ROOT}apidocs`], { root: ROOT });
    const text = JSON.stringify([...generateOutput(catalog).files.values()]);
    expect(text).to.not.contain('x-graphpact-examples-left-out');
  });
});

describe('schema: exampleCheck', () => {
  it('answers undefined for a valid value and the first error, in one line, for a rejected one', () => {
    const file = 'v1.0/types/microsoft.graph.thing.json';
    const files = new Map([[file, { $id: schemaId(file), type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false }]]);
    const check = exampleCheck(schemaSetFromFiles('(test)', { versions: ['v1.0'], operations: [] }, files));
    expect(check(file, { n: 1 })).to.equal(undefined);
    expect(check(file, { n: 'one' })).to.equal('/n must be integer');
    expect(check(file, { m: 1 })).to.equal('/ must NOT have additional properties');
  });
});
