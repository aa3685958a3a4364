import { expect } from 'chai';
import { schemaSetFromFiles } from '../../src/schema/load.js';
import { documentedOperations, versionOfBaseUrl } from '../../src/verify/operations.js';
import { documentedProperties } from '../../src/schema/properties.js';
import { isLoopback } from '../../src/verify/run.js';
import type { JsonSchema } from '../../src/schema/edm.js';

/** A two-file schema set: the response refers to the type through a nullable $ref, the type extends a base. */
function sampleSet() {
  const files = new Map<string, JsonSchema>([
    ['beta/types/microsoft.graph.entity.json', { type: 'object', properties: { id: { type: 'string' } } } as JsonSchema],
    ['beta/types/microsoft.graph.thing.json', { allOf: [{ $ref: 'microsoft.graph.entity.json' }], type: 'object', properties: { count: { type: 'integer' }, name: { type: ['string', 'null'] } } } as JsonSchema],
    ['beta/operations/things.create.response.json', { anyOf: [{ $ref: '../types/microsoft.graph.thing.json' }, { type: 'null' }] } as JsonSchema],
  ]);
  const index = {
    versions: ['beta'],
    operations: [
      { version: 'beta', id: 'things.create', method: 'POST', path: '/things', successStatus: 201, response: 'beta/operations/things.create.response.json', source: { file: 'x.md', line: 1 } },
      { version: 'v1.0', id: 'things.create', method: 'POST', path: '/things', successStatus: 201, source: { file: 'y.md', line: 1 } },
    ],
  };
  return schemaSetFromFiles('mem', index, files);
}

describe('verify: documented operations', () => {
  it('collects top-level properties through $ref, allOf and nullable anyOf', () => {
    expect(documentedProperties(sampleSet(), 'beta/operations/things.create.response.json')).to.deep.equal(['count', 'id', 'name']);
  });

  it('keeps the operations of the base URL\'s version, with a working response validator', () => {
    const ops = documentedOperations(sampleSet(), 'beta');
    expect(ops.map((o) => `${o.version} ${o.id}`)).to.deep.equal(['beta things.create']);
    expect(ops[0].validateResponse!({ id: 'a', count: 2 }).valid).to.equal(true);
    const bad = ops[0].validateResponse!({ id: 'a', count: 'two' });
    expect(bad.valid).to.equal(false);
    expect(bad.errors.map((e) => e.path)).to.include('/count');
  });

  it('reads the version from the last segment of the service root', () => {
    expect(versionOfBaseUrl('https://graph.microsoft.com/beta')).to.equal('beta');
    expect(versionOfBaseUrl('http://127.0.0.1:8080/v1.0/')).to.equal('v1.0');
  });

  it('tells loopback providers from remote ones', () => {
    expect(isLoopback('http://127.0.0.1:3000/beta')).to.equal(true);
    expect(isLoopback('http://localhost/beta')).to.equal(true);
    expect(isLoopback('http://[::1]:80/beta')).to.equal(true);
    expect(isLoopback('https://graph.microsoft.com/beta')).to.equal(false);
    expect(isLoopback('http://127.0.0.1.example.com/beta')).to.equal(false);
  });
});
