import { expect } from 'chai';
import { matchersFromSchema, childPath, ExampleMismatchError, type JsonSchema } from '../../src/contracts/matchers-from-schema.js';
import { BASE64, DATE_TIME, GUID, ANY_STRING } from '../../src/contracts/patterns.js';

/** A keyCredential type schema shaped like src/schema generates them (nullable properties, relative refs). */
const KEY_CREDENTIAL: JsonSchema = {
  type: 'object',
  properties: {
    customKeyIdentifier: { type: ['string', 'null'], contentEncoding: 'base64', pattern: BASE64 },
    displayName: { type: ['string', 'null'] },
    endDateTime: { type: ['string', 'null'], format: 'date-time' },
    key: { type: ['string', 'null'], contentEncoding: 'base64' },
    keyId: { type: ['string', 'null'], format: 'uuid' },
    usage: { type: 'string' },
  },
};
const FILES: Record<string, JsonSchema> = {
  'beta/types/microsoft.graph.keyCredential.json': KEY_CREDENTIAL,
  'beta/types/microsoft.graph.sideLoadingKey.json': {
    allOf: [{ $ref: './microsoft.graph.entity.json' }],
    properties: { totalActivation: { type: ['integer', 'null'], format: 'int32' }, ratio: { type: 'number' }, enabled: { type: 'boolean' } },
  },
  'beta/types/microsoft.graph.entity.json': { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
};
const ctx = (path: string) => ({ path, lookup: (p: string) => FILES[p] });

describe('contracts/matchersFromSchema', () => {
  it('matches GUIDs of either case, date-times and base64 by regex, other strings by type', () => {
    const { template } = matchersFromSchema({ $ref: '../types/microsoft.graph.keyCredential.json' }, {
      keyId: 'AAAAAAAA-1111-2222-3333-BBBBBBBBBBBB',
      endDateTime: '2030-01-01T00:00:00Z',
      customKeyIdentifier: 'AAECAw==',
      usage: 'Verify',
    }, ctx('beta/operations/applications.addKey.response.json'));
    expect(template).to.deep.equal({
      keyId: { 'pact:matcher:type': 'regex', regex: GUID, value: 'AAAAAAAA-1111-2222-3333-BBBBBBBBBBBB' },
      endDateTime: { 'pact:matcher:type': 'regex', regex: DATE_TIME, value: '2030-01-01T00:00:00Z' },
      customKeyIdentifier: { 'pact:matcher:type': 'regex', regex: BASE64, value: 'AAECAw==' },
      usage: { 'pact:matcher:type': 'type', value: 'Verify' },
    });
    expect(new RegExp(GUID).test('633b1614-b669-47c5-961e-f4a45978ffff')).to.equal(true);
    expect(new RegExp(GUID).test('633b1614-b669-47c5-961e')).to.equal(false);
  });

  it('lets nullable properties be null: a null example keeps its typed alternative', () => {
    const { template, nullable } = matchersFromSchema(KEY_CREDENTIAL, { key: null, displayName: null, keyId: '633b1614-b669-47c5-961e-f4a45978ffff', usage: 'Sign' });
    expect((template as Record<string, unknown>).key).to.deep.equal({ 'pact:matcher:type': 'null', value: null });
    expect(nullable).to.deep.equal([
      { path: '$.key', alsoAccept: [{ match: 'regex', regex: BASE64 }] },
      { path: '$.displayName', alsoAccept: [{ match: 'regex', regex: ANY_STRING }] },
      { path: '$.keyId', alsoAccept: [{ match: 'null' }] },
    ]);
  });

  it('does not make a non-nullable property nullable', () => {
    const { nullable } = matchersFromSchema(KEY_CREDENTIAL, { usage: 'Verify' });
    expect(nullable).to.deep.equal([]);
  });

  it('follows $ref and allOf across files, and types integers, numbers and booleans', () => {
    const { template, nullable } = matchersFromSchema({ $ref: '../types/microsoft.graph.sideLoadingKey.json' }, {
      id: '21c4a3ff-a3ff-21c4-ffa3-c421ffa3c421', totalActivation: 15, ratio: 0.5, enabled: true, extra: 'x',
    }, ctx('beta/operations/deviceAppManagement.sideLoadingKeys.create.response.json'));
    expect(template).to.deep.equal({
      id: { 'pact:matcher:type': 'regex', regex: GUID, value: '21c4a3ff-a3ff-21c4-ffa3-c421ffa3c421' },
      totalActivation: { 'pact:matcher:type': 'integer', value: 15 },
      ratio: { 'pact:matcher:type': 'number', value: 0.5 },
      // pact-js matches booleans by type, which for a boolean example means "a boolean".
      enabled: { 'pact:matcher:type': 'type', value: true },
      extra: { 'pact:matcher:type': 'type', value: 'x' },
    });
    expect(nullable.map((n) => n.path)).to.deep.equal(['$.totalActivation']);
  });

  it('matches arrays item by item and collections wrapped in value', () => {
    const schema: JsonSchema = { type: 'object', properties: { value: { type: 'array', items: KEY_CREDENTIAL } } };
    const { template, nullable } = matchersFromSchema(schema, { value: [{ key: null }], tags: [] });
    expect(template).to.deep.equal({
      value: { 'pact:matcher:type': 'type', min: 1, value: [{ key: { 'pact:matcher:type': 'null', value: null } }] },
      tags: { 'pact:matcher:type': 'type', value: [] },
    });
    expect(nullable).to.deep.equal([{ path: '$.value[*].key', alsoAccept: [{ match: 'regex', regex: BASE64 }] }]);
  });

  it('treats anyOf with null as nullable', () => {
    const { nullable } = matchersFromSchema({ type: 'object', properties: { k: { anyOf: [{ $ref: '#/$defs/kc' }, { type: 'null' }] } }, $defs: { kc: KEY_CREDENTIAL } }, { k: { usage: 'Verify' } });
    expect(nullable).to.deep.equal([{ path: '$.k', alsoAccept: [{ match: 'null' }] }]);
  });

  it('refuses an example that contradicts the schema format, naming the path', () => {
    expect(() => matchersFromSchema(KEY_CREDENTIAL, { customKeyIdentifier: '6uv7gh' })).to.throw(ExampleMismatchError, /"6uv7gh" at \$\.customKeyIdentifier is not a valid base64 value/);
    expect(() => matchersFromSchema(KEY_CREDENTIAL, { endDateTime: 'endDate=2017-10-11T07:00:00Z' })).to.throw(/not a valid date-time/);
    expect(() => matchersFromSchema(FILES['beta/types/microsoft.graph.sideLoadingKey.json'], { totalActivation: 1.5 })).to.throw(/1\.5 at \$\.totalActivation is not an integer/);
  });

  it('uses type matchers where there is no schema', () => {
    expect(matchersFromSchema({}, { a: 'x', n: 1 }).template).to.deep.equal({
      a: { 'pact:matcher:type': 'type', value: 'x' },
      n: { 'pact:matcher:type': 'number', value: 1 },
    });
  });

  it('writes paths the way Pact does', () => {
    expect(childPath('$', 'key')).to.equal('$.key');
    expect(childPath('$', '@odata.type')).to.equal("$['@odata.type']");
    expect(childPath('$.error.innerError', 'request-id')).to.equal("$.error.innerError['request-id']");
  });
});
