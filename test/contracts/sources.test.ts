import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractSources, loadContractSources, ContractSourceError } from '../../src/contracts/sources.js';
import { graphInteractions } from '../../src/contracts/interactions.js';
import type { Catalog, Operation } from '../../src/model/catalog.js';
import type { SchemaIndex } from '../../src/model/schema-layout.js';

const op = (over: Partial<Operation>): Operation => ({
  id: 'applications.addKey', version: 'beta', method: 'POST', path: '/applications/{id}/addKey', paths: [], title: 't',
  sources: [{ file: 'docs/addkey.md', line: 1 }], permissions: [], successStatus: 200, returnsCollection: false, examples: [], ...over,
});
const catalog = (ops: Operation[]): Catalog => ({ versions: ['beta'], operations: ops, types: new Map(), findings: [] });
const index: SchemaIndex = { versions: ['beta'], operations: [{ version: 'beta', id: 'applications.addKey', method: 'POST', path: '/x', successStatus: 200, response: 'beta/operations/r.json', source: { file: 'f', line: 1 } }] };

describe('contracts/sources', () => {
  it('names the page when an operation has no usable example', () => {
    const s = contractSources(catalog([op({})]), index, () => undefined);
    expect(() => s.example('beta applications.addKey request')).to.throw(ContractSourceError, /docs\/addkey\.md: no request example with a JSON body for applications\.addKey \(beta\)/);
    expect(() => s.example('v1.0 applications.addKey request')).to.throw(/no operation applications\.addKey in version v1\.0/);
  });

  it('names file and line of an example that is not JSON', () => {
    const broken = op({ examples: [{ file: 'docs/addkey.md', line: 60, request: { kind: 'request', file: 'docs/addkey.md', line: 61, method: 'POST', url: '/x', path: '/x', headers: [], fence: 'http', repairs: [], body: { file: 'docs/addkey.md', line: 64, text: '{', parse: 'invalid', repairs: [], error: 'unexpected end at line 64' } } }] });
    expect(() => contractSources(catalog([broken]), index, () => undefined).example('beta applications.addKey request')).to.throw(/docs\/addkey\.md:64: the request example of applications\.addKey \(beta\) is not JSON: unexpected end/);
  });

  it('asks for a build when the response schema is missing', () => {
    expect(() => contractSources(catalog([op({})]), index, () => undefined).responseMatchers('beta', 'applications.addKey', {})).to.throw(/schemas\/beta\/operations\/r\.json: missing — run `graphpact build`/);
  });

  it('reads the project docs and schemas into the nine seed interactions (generic ones specialised, then the seed-only ones)', async () => {
    const defs = graphInteractions(await loadContractSources());
    expect(defs.map((d) => `${d.request.method} ${d.request.path.example} → ${d.response.status}`)).to.deep.equal([
      'POST /deviceAppManagement/sideLoadingKeys → 201',
      'POST /deviceAppManagement/sideLoadingKeys → 401',
      'POST /deviceAppManagement/sideLoadingKeys → 400',
      'POST /applications/00000000-0000-4000-8000-00000000a001/addKey → 200',
      'POST /applications/00000000-0000-4000-8000-00000000a001/addKey → 401',
      'POST /applications/00000000-0000-4000-8000-00000000a001/addKey → 400',
      'POST /applications/00000000-0000-4000-8000-00000000a001/addKey → 200',
      'POST /applications/00000000-0000-4000-8000-00000000a001/addKey → 401',
      'POST /applications/00000000-0000-4000-8000-00000000a001/addKey → 404',
    ]);
  });

  it('fails with one line when the docs or schemas directory is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'graphpact-src-'));
    try {
      await loadContractSources({ docs: [join(empty, 'nope')] }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/docs directory .*nope cannot be read/));
      await loadContractSources({ schemas: join(empty, 'schemas') }).then(() => expect.fail('should throw'), (e: Error) => {
        expect(e).to.be.instanceOf(ContractSourceError);
        expect(e.message).to.match(/index\.json: cannot read schema file/);
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
