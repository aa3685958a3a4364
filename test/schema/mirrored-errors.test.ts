/**
 * The mirrored errors (src/schema/mirrored-errors.ts) against ajv itself: whenever the walk answers, its
 * errors are ajv's to the byte (instancePath, schemaPath, keyword, params, message, order, key order);
 * where it cannot be sure it answers undefined and ajv judges.
 */
import { expect } from 'chai';
import { FORMATS, RULE_GROUPS, schemaSetFromFiles, setAjv } from '../../src/schema/load.js';
import { mirroredErrors, ruleGroups, type MirrorContext } from '../../src/schema/mirrored-errors.js';
import { schemaId, type SchemaIndex } from '../../src/model/schema-layout.js';
import type { JsonSchema } from '../../src/schema/edm.js';

const NULLABLE = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

/** A generated-looking set that uses every keyword the walk mirrors. */
const FILES: Record<string, Record<string, unknown>> = {
  'beta/types/microsoft.graph.entity.json': { type: 'object', patternProperties: { '^@odata\\.': {} }, properties: { id: { type: 'string', description: 'Id.' } } },
  'beta/types/microsoft.graph.shade.json': { type: 'string', enum: ['teal', 'ochre'], description: 'A shade.' },
  'beta/types/microsoft.graph.lamp.json': {
    type: 'object',
    title: 'microsoft.graph.lamp',
    'x-graphpact-source': { file: 'docs/lamp.md', line: 3 },
    allOf: [{ $ref: './microsoft.graph.entity.json' }],
    patternProperties: { '^@odata\\.': {}, '^x-count$': { type: 'integer' } },
    properties: {
      name: { type: ['string', 'null'] },
      wattage: { type: ['integer', 'null'], format: 'int32', minimum: -2147483648, maximum: 2147483647 },
      ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      lit: { type: ['boolean', 'null'], readOnly: true },
      boughtDateTime: { type: ['string', 'null'], format: 'date-time' },
      serial: { type: ['string', 'null'], format: 'uuid' },
      thumbprint: { type: ['string', 'null'], pattern: '^[A-Z]+$', contentEncoding: 'base64' },
      shade: NULLABLE({ $ref: './microsoft.graph.shade.json' }),
      tags: { type: 'array', items: { type: 'string', format: 'email' } },
      parts: { type: ['array', 'null'], items: { $ref: './microsoft.graph.lamp.json' } },
      'a/b~c': { type: 'string' },
      code: { type: 'string', enum: ['x', 'y'] },
      mode: { type: 'string', enum: ['on', 'off'], pattern: '^o' },
    },
  },
  'beta/operations/lamps.create.request.json': {
    type: 'object',
    additionalProperties: false,
    patternProperties: { '^@odata\\.': {} },
    required: ['name', 'shade'],
    properties: { name: { type: 'string' }, shade: { $ref: '../types/microsoft.graph.shade.json' }, lamp: NULLABLE({ $ref: '../types/microsoft.graph.lamp.json' }) },
  },
  'beta/operations/lamps.tag.request.json': { type: 'object', additionalProperties: { type: 'integer' }, properties: { label: { type: 'string' } } },
  'beta/operations/lamps.list.response.json': { type: 'object', properties: { value: { type: 'array', items: { $ref: '../types/microsoft.graph.lamp.json' } } } },
  // What the walk leaves to ajv.
  'beta/operations/lamps.rename.request.json': { type: 'object', properties: { name: { type: 'string', minLength: 2 } } },
  'beta/operations/lamps.choose.request.json': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  'beta/operations/lamps.pick.request.json': { type: 'object', properties: { pick: { enum: [{ a: 1 }, 'b'] } } },
  'beta/operations/lamps.local.request.json': { type: 'object', $defs: { s: { type: 'string' } }, properties: { s: { $ref: '#/$defs/s' } } },
  'beta/operations/lamps.odd.request.json': { type: 'object', properties: { when: { type: 'string', format: 'no-such-format' } } },
};

const LAMP = 'beta/types/microsoft.graph.lamp.json';
const CREATE = 'beta/operations/lamps.create.request.json';
const TAG = 'beta/operations/lamps.tag.request.json';
const LIST = 'beta/operations/lamps.list.response.json';

/** [what, file, value]: every one rejected by ajv. */
const REJECTED: Array<[string, string, unknown]> = [
  ['a wrong type (checked before the other keywords)', LAMP, { name: 3 }],
  ['a fraction for an integer, past its maximum too', LAMP, { wattage: 2147483648.5 }],
  ['NaN for an integer', LAMP, { wattage: Number.NaN }],
  ['exclusive limits on both sides', LAMP, { ratio: 0 }],
  ['a date-time without a time', LAMP, { boughtDateTime: '2024-01-02' }],
  ['a uuid that is not one', LAMP, { serial: 'not-a-uuid' }],
  ['text not matching the pattern', LAMP, { thumbprint: 'abc' }],
  ['a value outside an enum behind a nullable $ref (anyOf errors of every branch)', LAMP, { shade: 'purple' }],
  ['an enum checked before a pattern, a type error in the string group', LAMP, { mode: 'x', code: 7 }],
  ['a wrong array item and an item format', LAMP, { tags: ['a@b.example', 1, 'not an email'] }],
  ['an error deep in nested lamps (schemaPath of the outermost ref)', LAMP, { parts: [{ parts: [{ wattage: 'bright', shade: 3 }] }] }],
  ['a property name to escape', LAMP, { 'a/b~c': 1 }],
  ['a pattern property with a schema', LAMP, { 'x-count': 'many' }],
  ['the base type through allOf', LAMP, { id: 7 }],
  ['not an object', LAMP, ['a']],
  ['missing required properties', CREATE, {}],
  ['additional properties, and a required one missing', CREATE, { name: 'Desk', colour: 'red', size: 2 }],
  ['an invalid nested lamp in a request', CREATE, { name: 'Desk', shade: 'teal', lamp: { lit: 'yes' } }],
  ['additional properties against a schema', TAG, { label: 'x', a: 1, b: 'two', c: 2.5 }],
  ['every item of a list response', LIST, { value: [{ id: 1 }, { name: 2 }, { shade: null }] }],
];

const INDEX = { versions: ['beta'], operations: [], types: [] } as unknown as SchemaIndex;

function files(): Map<string, JsonSchema> {
  return new Map(Object.entries(FILES).map(([path, schema]) => [path, { $id: schemaId(path), $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema } as JsonSchema]));
}

function context(set: Map<string, JsonSchema>): MirrorContext {
  const ajv = setAjv(() => {
    throw new Error('not compiled here');
  });
  return {
    formats: ajv.formats,
    patterns: new Map(),
    groups: ruleGroups(ajv.RULES.rules),
    refKeyword: 'x-graphpact-lazy-ref',
    resolveRef(from, ref) {
      const path = new URL(ref, `https://x/${from}`).pathname.slice(1);
      const schema = set.get(path);
      return schema ? { path, schema } : undefined;
    },
  };
}

describe('schema: mirrored errors', () => {
  const set = files();
  const ctx = context(set);

  it("the walks' rule table and formats, written out so that ajv loads only when needed, are a set's ajv's own", () => {
    expect(RULE_GROUPS).to.deep.equal(ctx.groups);
    expect(Object.keys(FORMATS)).to.deep.equal(Object.keys(ctx.formats));
    for (const name of Object.keys(FORMATS)) expect(FORMATS[name], name).to.equal(ctx.formats[name]);
  });
  // ajv alone: the set's validators with the walk turned off.
  const ajvSet = schemaSetFromFiles('memory', INDEX, set, { mirrorErrors: false });
  const ajvErrors = (path: string, value: unknown): string => {
    const validate = ajvSet.validator(path);
    expect(validate(value), 'ajv rejects it').to.equal(false);
    return JSON.stringify(validate.errors);
  };

  for (const [what, path, value] of REJECTED) {
    it(`ajv's errors, byte for byte: ${what}`, () => {
      const mirrored = mirroredErrors(set.get(path), value, path, ctx);
      expect(mirrored, 'the walk answers').to.be.an('array').that.is.not.empty;
      expect(JSON.stringify(mirrored)).to.equal(ajvErrors(path, value));
    });
    it(`ajv's first error alone, found without walking the rest: ${what}`, () => {
      const first = mirroredErrors(set.get(path), value, path, ctx, { first: true });
      const all = JSON.parse(ajvErrors(path, value)) as unknown[];
      expect(JSON.stringify(first?.[0])).to.equal(JSON.stringify(all[0]));
      // Stopped there: at most the errors ajv adds along with the first (a failed anyOf's), never all of a long list.
      expect(first?.length).to.be.at.most(all.length);
      expect(JSON.stringify(schemaSetFromFiles('memory', INDEX, set).firstError(path, value))).to.equal(JSON.stringify(JSON.parse(ajvErrors(path, value))[0]));
    });
  }

  it('first: stops at the first error, which is sure unless an anyOf branch is being tried', () => {
    const many = { value: [{ id: 1 }, { name: 2 }, { shade: null }] };
    expect(JSON.parse(ajvErrors(LIST, many))).to.have.length.above(1);
    expect(mirroredErrors(set.get(LIST), many, LIST, ctx, { first: true })).to.have.length(1);
    // Behind a nullable $ref the first error comes from the anyOf's first branch: known only once every branch failed.
    expect(mirroredErrors(set.get(LAMP), { shade: 'purple' }, LAMP, ctx, { first: true })?.map((e) => e.keyword)).to.deep.equal(['enum', 'type', 'anyOf']);
  });

  it('no errors for values ajv accepts', () => {
    const accepted: Array<[string, unknown]> = [
      [LAMP, { id: 'l1', name: null, wattage: 40, ratio: 0.5, shade: null, tags: [], parts: [{ shade: 'teal' }], 'x-count': 3, '@odata.type': '#x', colour: 'red' }],
      [CREATE, { name: 'Desk', shade: 'ochre', '@odata.etag': 'W/1' }],
      [TAG, { label: 'x', a: 1 }],
    ];
    for (const [path, value] of accepted) {
      expect(ajvSet.validator(path)(value), JSON.stringify(value)).to.equal(true);
      expect(mirroredErrors(set.get(path), value, path, ctx), JSON.stringify(value)).to.deep.equal([]);
      expect(mirroredErrors(set.get(path), value, path, ctx, { first: true }), JSON.stringify(value)).to.deep.equal([]);
      expect(schemaSetFromFiles('memory', INDEX, set).firstError(path, value), JSON.stringify(value)).to.equal(null);
    }
  });

  it('leaves to ajv what it does not mirror: minLength, oneOf, an object enum, a # ref, an unknown format, __proto__', () => {
    const doubtful: Array<[string, unknown]> = [
      ['beta/operations/lamps.rename.request.json', { name: 'x' }],
      ['beta/operations/lamps.choose.request.json', true],
      ['beta/operations/lamps.pick.request.json', { pick: 'c' }],
      ['beta/operations/lamps.local.request.json', { s: 1 }],
      ['beta/operations/lamps.odd.request.json', { when: 'x' }],
      [TAG, JSON.parse('{"__proto__": 1}')],
    ];
    for (const [path, value] of doubtful) expect(mirroredErrors(set.get(path), value, path, ctx), path).to.equal(undefined);
    // And the set still reports ajv's own errors for them. ajv warns on the console that it ignores the
    // unknown format when it compiles that schema: caught here, so the suite's output stays clean.
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
    try {
      const both = schemaSetFromFiles('memory', INDEX, set);
      for (const [path, value] of doubtful) {
        const validate = both.validator(path);
        const valid = validate(value);
        expect(valid, path).to.equal(ajvSet.validator(path)(value));
        expect(JSON.stringify(validate.errors), path).to.equal(JSON.stringify(ajvSet.validator(path).errors));
      }
    } finally {
      console.warn = warn;
    }
    expect(warned.filter((w) => !w.includes('unknown format "no-such-format" ignored'))).to.deep.equal([]);
  });

  it('a set reports the same verdicts and errors with and without the walk (every case, each property broken many ways)', () => {
    const mirroredSet = schemaSetFromFiles('memory', INDEX, set);
    let compared = 0;
    let answered = 0;
    for (const [, path, value] of REJECTED) {
      const variants = [value, ...(value && typeof value === 'object' && !Array.isArray(value)
        ? Object.keys(value).flatMap((k) => [null, 0, -1, 1.5, '', 'x', 'teal', true, [], [1], {}, { id: 2 }].map((v) => ({ ...(value as object), [k]: v })))
        : [])];
      for (const variant of variants) {
        const a = ajvSet.validator(path);
        const m = mirroredSet.validator(path);
        expect(m(variant), JSON.stringify(variant)).to.equal(a(variant));
        expect(JSON.stringify(m.errors), JSON.stringify(variant)).to.equal(JSON.stringify(a.errors));
        if (mirroredErrors(set.get(path), variant, path, ctx) !== undefined) answered++;
        compared++;
      }
    }
    expect(compared).to.be.greaterThan(300);
    expect(answered, 'the walk answered every one (no keyword here it leaves to ajv)').to.equal(compared);
  });
});
