/**
 * The validation fast path (src/schema/certainly-valid.ts) against ajv itself: it may only say "valid" when
 * ajv does, and a schema set's validators (fast path, then ajv with refs compiled on demand) report exactly
 * the errors an eagerly compiled ajv reports.
 */
import { expect } from 'chai';
import { certainlyValid, formatRule, type FastPathContext } from '../../src/schema/certainly-valid.js';
import { createAjv, schemaSetFromFiles } from '../../src/schema/load.js';
import { schemaId } from '../../src/model/schema-layout.js';
import type { JsonSchema } from '../../src/schema/edm.js';
import type { SchemaIndex } from '../../src/model/schema-layout.js';

const NULLABLE_STRING = { type: ['string', 'null'] };
const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

/** A small generated-looking set in two folders: a base type, a derived type, an enum, a request and a response. */
const FILES: Record<string, Record<string, unknown>> = {
  'v1.0/types/microsoft.graph.entity.json': { type: 'object', properties: { id: { type: 'string' } } },
  'v1.0/types/microsoft.graph.shade.json': { type: 'string', enum: ['teal', 'ochre'] },
  'v1.0/types/microsoft.graph.lamp.json': {
    type: 'object',
    description: 'A lamp.',
    'x-graphpact-source': { file: 'docs/lamp.md', line: 3 },
    allOf: [{ $ref: './microsoft.graph.entity.json' }],
    patternProperties: { '^@odata\\.': {} },
    properties: {
      name: { ...NULLABLE_STRING, description: 'Name.' },
      wattage: { type: ['integer', 'null'], minimum: -2147483648, maximum: 2147483647 },
      brightness: { type: ['number', 'null'] },
      lit: { type: ['boolean', 'null'], readOnly: true },
      boughtDateTime: { type: ['string', 'null'], format: 'date-time' },
      serial: { type: ['string', 'null'], format: 'uuid' },
      thumbprint: { type: ['string', 'null'], pattern: BASE64, contentEncoding: 'base64' },
      shade: { anyOf: [{ $ref: './microsoft.graph.shade.json' }, { type: 'null' }] },
      tags: { type: 'array', items: { type: 'string' } },
      parts: { type: 'array', items: { $ref: './microsoft.graph.lamp.json' } },
    },
  },
  'v1.0/operations/lamps.create.request.json': {
    type: 'object',
    additionalProperties: false,
    patternProperties: { '^@odata\\.': {} },
    required: ['name'],
    properties: {
      name: { type: 'string' },
      shade: { $ref: '../types/microsoft.graph.shade.json' },
    },
  },
  'v1.0/operations/lamps.get.response.json': { type: 'object', allOf: [{ $ref: '../types/microsoft.graph.lamp.json' }] },
  // Keywords the fast path leaves to ajv.
  'v1.0/operations/lamps.rename.request.json': { type: 'object', properties: { name: { type: 'string', minLength: 2 } } },
  'v1.0/operations/lamps.choose.request.json': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  // A schema naming a property every object inherits: ajv reads `data.constructor` (a function) and rejects it.
  'v1.0/operations/lamps.build.request.json': { type: 'object', properties: { constructor: { type: 'string' } } },
  // An $id inside a file moves the base its refs resolve against: not the file's neighbours any more.
  'v1.0/operations/lamps.move.request.json': { type: 'object', properties: { shade: { $id: 'https://elsewhere.example/x/y.json', type: 'string' } } },
};

function files(): Map<string, JsonSchema> {
  return new Map(Object.entries(FILES).map(([path, schema]) => [path, { $id: schemaId(path), $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema } as JsonSchema]));
}

const INDEX: SchemaIndex = { versions: ['v1.0'], operations: [], types: [] } as unknown as SchemaIndex;

/** ajv as graphpact configured it before the fast path: every file added, refs compiled eagerly. */
function eagerAjv(set: Map<string, JsonSchema>) {
  const ajv = createAjv({ checkSchemas: false });
  for (const [path, schema] of set) ajv.addSchema(schema as object, schemaId(path));
  return (path: string) => ajv.getSchema(schemaId(path))!;
}

function fastPath(set: Map<string, JsonSchema>): FastPathContext {
  const ajv = createAjv({ checkSchemas: false });
  return {
    formats: ajv.formats,
    patterns: new Map(),
    resolveRef(from, ref) {
      const path = new URL(ref, `https://x/${from}`).pathname.slice(1);
      const schema = set.get(path);
      return schema ? { path, schema } : undefined;
    },
  };
}

const LAMP = 'v1.0/types/microsoft.graph.lamp.json';
const CREATE = 'v1.0/operations/lamps.create.request.json';
const GET = 'v1.0/operations/lamps.get.response.json';

/** [what, schema file, value, what the fast path answers]. */
const CASES: Array<[string, string, unknown, boolean]> = [
  ['a full valid lamp', LAMP, { id: 'l1', '@odata.type': '#microsoft.graph.lamp', name: 'Desk', wattage: 40, brightness: 0.5, lit: null, boughtDateTime: '2024-01-02T03:04:05Z', serial: '5f1b8a0e-3c2d-4e6f-8a9b-0c1d2e3f4a5b', thumbprint: 'QUJD', shade: 'teal', tags: ['a'], parts: [{ name: 'bulb' }] }, true],
  ['null for every nullable property', LAMP, { name: null, wattage: null, brightness: null, boughtDateTime: null, serial: null, thumbprint: null, shade: null }, true],
  ['a property no schema names (the type is open)', LAMP, { colour: 'red' }, true],
  ['a wrong type', LAMP, { name: 3 }, false],
  ['a fraction for an integer', LAMP, { wattage: 2.5 }, false],
  ['an integer past its maximum', LAMP, { wattage: 2147483648 }, false],
  ['NaN for an integer (a lenient JSON value)', LAMP, { wattage: Number.NaN }, false],
  ['NaN for a number (ajv accepts it: strictNumbers is off)', LAMP, { brightness: Number.NaN }, true],
  ['a date-time without a time', LAMP, { boughtDateTime: '2024-01-02' }, false],
  ['a uuid that is not one', LAMP, { serial: 'not-a-uuid' }, false],
  ['text that is not base64', LAMP, { thumbprint: 'not base64!' }, false],
  ['a value outside the enum', LAMP, { shade: 'purple' }, false],
  ['a wrong base type property', LAMP, { id: 7 }, false],
  ['a wrong array item', LAMP, { tags: ['a', 1] }, false],
  ['a wrong nested lamp', LAMP, { parts: [{ parts: [{ wattage: 'bright' }] }] }, false],
  ['not an object', LAMP, ['a'], false],
  ['a valid request', CREATE, { name: 'Desk', shade: 'ochre', '@odata.type': '#x' }, true],
  ['a request missing its required property', CREATE, { shade: 'ochre' }, false],
  ['a request with a property its table does not list', CREATE, { name: 'Desk', colour: 'red' }, false],
  ['a valid response through allOf', GET, { id: 'l1', name: 'Desk' }, true],
  ['an invalid response through allOf', GET, { id: 'l1', wattage: 'high' }, false],
  ['a keyword it does not mirror (minLength), valid for ajv', 'v1.0/operations/lamps.rename.request.json', { name: 'Desk' }, false],
  ['a keyword it does not mirror (oneOf), valid for ajv', 'v1.0/operations/lamps.choose.request.json', 'teal', false],
  ['an inherited property ajv reads (constructor)', 'v1.0/operations/lamps.build.request.json', {}, false],
  ['an $id inside a file', 'v1.0/operations/lamps.move.request.json', { shade: 'teal' }, false],
];

describe('schema: validation fast path', () => {
  const set = files();
  const ajvAt = eagerAjv(set);
  const ctx = fastPath(set);

  for (const [what, path, value, expected] of CASES) {
    it(`${expected ? 'certainly valid' : 'asks ajv'}: ${what}`, () => {
      const fast = certainlyValid(set.get(path)!, value, path, ctx);
      expect(fast, 'fast path').to.equal(expected);
      // Whatever it answers, "valid" must be ajv's verdict too.
      if (fast) expect(ajvAt(path)(value), 'ajv').to.equal(true);
    });
  }

  it('never calls a value valid that ajv rejects (every case, and each with one property broken)', () => {
    let checked = 0;
    for (const [, path, value] of CASES) {
      const variants = [value, ...(value && typeof value === 'object' && !Array.isArray(value)
        ? Object.keys(value).flatMap((k) => [null, 0, 1.5, '', 'x', true, [], {}].map((v) => ({ ...(value as object), [k]: v })))
        : [])];
      for (const variant of variants) {
        checked++;
        if (certainlyValid(set.get(path)!, variant, path, ctx)) expect(ajvAt(path)(variant), JSON.stringify(variant)).to.equal(true);
      }
    }
    expect(checked).to.be.greaterThan(300);
  });
});

describe('schema: a set validates as eagerly compiled ajv does', () => {
  const set = files();
  const ajvAt = eagerAjv(set);
  const errorsOf = (errors: unknown) => (errors as Array<Record<string, unknown>> | null | undefined ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));

  it('same verdict and same errors (path, keyword, params, message, order) for every case', () => {
    const schemaSet = schemaSetFromFiles('memory', INDEX, set);
    for (const [what, path, value] of CASES) {
      const validate = schemaSet.validator(path);
      const reference = ajvAt(path);
      const valid = validate(value);
      expect(valid, what).to.equal(reference(value));
      expect(errorsOf(validate.errors), what).to.deep.equal(errorsOf(reference.errors));
      if (valid) expect(validate.errors, what).to.equal(null);
    }
  });

  it('throws naming the file for a $ref to no file of the set, and for a file the set does not have', () => {
    const broken = files();
    broken.set('v1.0/operations/lamps.fix.request.json', { $id: schemaId('v1.0/operations/lamps.fix.request.json'), properties: { part: { $ref: '../types/microsoft.graph.missing.json' } } } as JsonSchema);
    const schemaSet = schemaSetFromFiles('memory', INDEX, broken);
    expect(() => schemaSet.validator('v1.0/operations/lamps.fix.request.json')({ part: 1 })).to.throw(/lamps\.fix\.request\.json: \$ref \.\.\/types\/microsoft\.graph\.missing\.json names no schema file/);
    expect(() => schemaSet.validator('v1.0/types/microsoft.graph.nothing.json')).to.throw(/no schema v1\.0\/types\/microsoft\.graph\.nothing\.json in memory/);
  });
});

describe('schema: formatRule (how both walks read ajv\'s format table)', () => {
  const formats = createAjv({ checkSchemas: false }).formats;

  it('gives the data type a format applies to and ajv\'s test, true for an any-value format, undefined when only ajv can tell', () => {
    const uuid = formatRule('uuid', formats);
    expect(uuid).to.include({ type: 'string' });
    expect((uuid as { test: (d: unknown) => boolean }).test('123e4567-e89b-12d3-a456-426614174000')).to.equal(true);
    expect((uuid as { test: (d: unknown) => boolean }).test('nope')).to.equal(false);
    const int32 = formatRule('int32', formats);
    expect(int32).to.include({ type: 'number' });
    expect((int32 as { test: (d: unknown) => boolean }).test(7)).to.equal(true);
    expect((int32 as { test: (d: unknown) => boolean }).test(2 ** 31)).to.equal(false);
    expect(formatRule('anything', { anything: true })).to.equal(true);
    // A function's result is a condition, as ajv's code uses it: truthy passes.
    expect((formatRule('odd', { odd: (d: number) => d % 2 }) as { test: (d: unknown) => boolean }).test(3)).to.equal(true);
    for (const [name, table] of [['no-such-format', formats], [7, formats], ['slow', { slow: { async: true, validate: async () => true } }], ['empty', { empty: { type: 'string' } }]] as const) {
      expect(formatRule(name, table as Record<string, unknown>), String(name)).to.equal(undefined);
    }
  });
});
