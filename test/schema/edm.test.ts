import { expect } from 'chai';
import { edmSchema } from '../../src/schema/edm.js';
import { mergedInOrder, withNull } from '../../src/schema/type-ref.js';
import { createAjv } from '../../src/schema/load.js';

/** Compiles the schema of an Edm type (nullable, as properties are) and returns a checker. */
function accepts(edm: string): (value: unknown) => boolean {
  const schema = edmSchema(edm);
  if (!schema) throw new Error(`no schema for ${edm}`);
  const validate = createAjv().compile(withNull(schema));
  return (value) => validate(value) as boolean;
}

describe('schema: Edm primitives', () => {
  it('Int32: integer within its range', () => {
    const ok = accepts('Edm.Int32');
    expect([15, -2147483648, 2147483647, null].map(ok)).to.deep.equal([true, true, true, true]);
    expect([2147483648, 1.5, '15'].map(ok)).to.deep.equal([false, false, false]);
  });

  it('Int16, Byte and Int64', () => {
    expect([32767, 32768].map(accepts('Int16'))).to.deep.equal([true, false]);
    expect([255, -1].map(accepts('Byte'))).to.deep.equal([true, false]);
    expect([9007199254740991, 1.5].map(accepts('Int64'))).to.deep.equal([true, false]);
  });

  it('Double accepts numbers and the NaN/INF strings Graph sends', () => {
    const ok = accepts('Double');
    expect([1.5, 'NaN', 'INF', '-INF', null].map(ok)).to.deep.equal([true, true, true, true, true]);
    expect(['1.5', true].map(ok)).to.deep.equal([false, false]);
  });

  it('Guid is a uuid', () => {
    const ok = accepts('Guid');
    expect(ok('633b1614-b669-47c5-961e-f4a45978ffff')).to.equal(true);
    expect(ok('633b1614')).to.equal(false);
  });

  it('DateTimeOffset, Date, TimeOfDay and Duration', () => {
    expect(['2014-01-01T00:00:00Z', 'endDate=2017-10-11T07:00:00Z'].map(accepts('DateTimeOffset'))).to.deep.equal([true, false]);
    expect(['2014-01-01', '2014-13-01'].map(accepts('Date'))).to.deep.equal([true, false]);
    expect(['08:30:00', '08:30:00.0000000', '25:00:00'].map(accepts('TimeOfDay'))).to.deep.equal([true, true, false]);
    expect(['PT1H30M', '1 hour'].map(accepts('Duration'))).to.deep.equal([true, false]);
  });

  it('Binary is base64 text (checked by pattern: ajv ignores contentEncoding)', () => {
    const schema = edmSchema('Binary');
    expect(schema).to.include({ type: 'string', contentEncoding: 'base64' });
    const ok = accepts('Binary');
    expect(['6uv7gQ==', 'MIZB9jVCACfE', ''].map(ok)).to.deep.equal([true, true, true]);
    expect(['6uv7gh', 'MIZB9jVCACfEw=', 'not base64!'].map(ok)).to.deep.equal([false, false, false]);
  });

  it('Boolean, String, Stream and the parser\'s spelling variants; nothing that is not a primitive', () => {
    expect([true, 'true'].map(accepts('bool'))).to.deep.equal([true, false]);
    expect(['x', 1].map(accepts('string'))).to.deep.equal([true, false]);
    expect(edmSchema('Stream')).to.include({ type: 'string', format: 'binary' });
    expect(edmSchema('long')).to.deep.equal(edmSchema('Edm.Int64'));
    expect(edmSchema('Json')).to.equal(undefined); // free-form JSON is TypeRef kind 'json', schema {}
    expect(edmSchema('sandwich')).to.equal(undefined);
  });
});

describe('schema/type-ref: mergedInOrder', () => {
  it('is { ...a, ...b }: every key, b winning a key both have', () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ format: 'uuid', type: 'string' }, { description: 'd', readOnly: true }],
      [{ type: 'string', description: 'old' }, { description: 'new' }],
      [{ items: {}, type: 'array' }, {}],
      [{}, { b: 1, a: 2 }],
      [{ z: 1, a: 2 }, { m: 3, a: 4 }],
    ];
    for (const [a, b] of cases) expect(mergedInOrder(a, b)).to.deep.equal({ ...a, ...b });
  });
  it('keeps keys in sorted order when both sides have them so, as the writer writes them', () => {
    expect(Object.keys(mergedInOrder({ format: 'uuid', maximum: 1, type: 'string' }, { description: 'd', readOnly: true }))).to.deep.equal(['description', 'format', 'maximum', 'readOnly', 'type']);
    expect(Object.keys(mergedInOrder({ $id: 'x', $schema: 'y', title: 't' }, { allOf: [], type: 'object' }))).to.deep.equal(['$id', '$schema', 'allOf', 'title', 'type']);
  });
  it('edm schemas come with their keys sorted', () => {
    for (const name of ['Edm.Int32', 'Edm.Int64', 'Edm.Binary', 'Edm.Stream', 'Edm.Guid', 'Edm.TimeOfDay', 'Edm.Byte']) {
      const keys = Object.keys(edmSchema(name) ?? {});
      expect(keys, name).to.deep.equal([...keys].sort());
    }
  });
});
