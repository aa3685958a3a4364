import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { JsonText } from '../../src/schema/json-text.js';
import { canonicalJson, serializeJson, serializeToBuffers } from '../../src/schema/write.js';
import { generateOutput, loadCatalog } from '../../src/schema/pipeline.js';
import { inlineSchema, serializedSchema } from '../../src/openapi/generate.js';
import { schemaId } from '../../src/model/schema-layout.js';
import { JSON_SCHEMA_DIALECT } from '../../src/schema/generate.js';
import { clearRegisteredSecrets, registerSecret } from '../../src/util/redact.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The text of a JsonText standing for `value`. */
const textOf = (value: unknown): JsonText => new JsonText(canonicalJson(value));

describe('schema: serialized values (JsonText) written as they are', () => {
  const value = { z: [1, { b: 'x', a: null }], a: { deep: { deeper: ['“quoted” 𝔊', {}] } }, example: { password: 'hunter2-secret' } };

  it('a JsonText at any depth of a document gives the bytes of the value it stands for', () => {
    for (const document of [
      { paths: { '/x': { get: textOf(value) } }, top: textOf(value) },
      [textOf(value), { inner: [textOf(value)] }],
      // Large enough to be serialized in pieces: the texts sit at the pieces' depths and below.
      { paths: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`/t/${i}`, { get: textOf({ ...value, i }), deep: { a: { b: textOf(value) } } }])) },
    ]) {
      const plain = JSON.parse(JSON.stringify(document)) as unknown;
      expect(serializeJson(document)).to.equal(serializeJson(plain));
      expect(Buffer.concat(serializeToBuffers(document).buffers).toString('utf8')).to.equal(serializeJson(plain));
    }
    expect(serializeJson(textOf(value))).to.not.contain('hunter2-secret');
  });

  it('a document holding JsonTexts is written in pieces, small or large, so that no JsonText is parsed back (toJSON)', () => {
    class Unparsed extends JsonText {
      override toJSON(): unknown {
        throw new Error('parsed back');
      }
    }
    const small = { components: { schemas: { a: new Unparsed(canonicalJson(value)), b: { type: 'object' } } }, openapi: '3.1.0' };
    const plain = { components: { schemas: { a: JSON.parse(JSON.stringify(value)), b: { type: 'object' } } }, openapi: '3.1.0' };
    expect(Buffer.concat(serializeToBuffers(small).buffers).toString('utf8')).to.equal(serializeJson(plain));
  });

  it('a JsonText read by anything else (JSON.stringify) is the value again', () => {
    expect(JSON.parse(JSON.stringify({ a: textOf(value) }))).to.deep.equal(JSON.parse(JSON.stringify({ a: { ...value, example: { password: '[REDACTED]' } } })));
  });

  it('a secret registered at run time is redacted from a JsonText too', () => {
    registerSecret('registered-secret-in-text');
    try {
      expect(serializeJson(new JsonText('{\n  "note": "registered-secret-in-text"\n}'))).to.not.contain('registered-secret-in-text');
    } finally {
      clearRegisteredSecrets();
    }
  });
});

describe('openapi: a schema file serialized once for its file and its component (serializedSchema)', () => {
  const path = 'beta/operations/things.create.request.json';
  const schema = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(path),
    title: 'Create thing: "$ref": "../types/not.a.ref.json" in prose',
    type: 'object',
    properties: {
      owner: { anyOf: [{ $ref: '../types/microsoft.graph.user.json' }, { type: 'null' }] },
      items: { type: 'array', items: { $ref: './things.create.response.json' } },
      local: { $ref: '#/$defs/x' },
      $ref: { type: 'string', description: 'a property named $ref' },
      default: { type: 'string', description: 'password=hunter2-secret' },
    },
    ...extra,
  });
  /** What the build wrote before: the file, and inlineSchema's copy serialized as a component. */
  const expected = (s: Record<string, unknown>) => ({ file: canonicalJson(s), component: canonicalJson(inlineSchema(s, path)) });

  for (const [name, extra] of [
    ['a generated schema (the `$id`/`$schema` split)', {}],
    ['a schema with a key sorted before `$schema` (serialized twice)', { $comment: 'first' }],
    ['a schema with an array-index key, which JavaScript puts first (serialized twice)', { '0': 'zero' }],
    ['a schema with an escaped character in a `$ref` (read as JSON)', { anyOf: [{ $ref: '../types/odd\\name "quoted".json' }] }],
  ] as const) {
    it(`${name}: the file's text and the component's are those serializeJson writes`, () => {
      const serialized = serializedSchema(schema(extra), path);
      const want = expected(schema(extra));
      expect(serialized.file.text).to.equal(want.file);
      expect(serialized.component.text).to.equal(want.component);
      expect(serialized.component.text).to.contain('"$ref": "#/components/schemas/microsoft.graph.user"');
      expect(serialized.component.text).to.contain('"$ref": "#/components/schemas/things.create.response"');
      expect(serialized.component.text).to.contain('"$ref": "#/$defs/x"');
      expect(serialized.component.text).to.contain('not.a.ref.json');
      expect(serialized.file.text).to.not.contain('hunter2-secret');
    });
  }

  it('every output of a build serialized this way has the bytes of the build in memory (the seed docs)', async () => {
    const { catalog } = await loadCatalog([`${ROOT}apidocs`], { root: ROOT });
    const plain = generateOutput(catalog).files;
    const serialized = generateOutput(catalog, { serialized: true }).files;
    expect([...serialized.keys()]).to.deep.equal([...plain.keys()]);
    expect([...serialized.values()].filter((v) => v instanceof JsonText)).to.have.length(plain.size - 3); // all but index.json and the two documents
    for (const [file, value] of plain) {
      expect(Buffer.concat(serializeToBuffers(serialized.get(file)).buffers).toString('utf8'), file).to.equal(serializeJson(value));
    }
  });
});


describe('generated objects come with their keys in sorted order (the writer copies any other into a sorted one)', () => {
  /** Objects whose keys are data (property names, paths, component names), not keywords: their order is the docs'. */
  const DATA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'paths', 'schemas', 'responses', 'examples', 'value']);
  const outOfOrder = (value: unknown, where: string, found: string[]): void => {
    if (Array.isArray(value)) return value.forEach((item) => outOfOrder(item, where, found));
    if (!value || typeof value !== 'object') return;
    const keys = Object.keys(value);
    if (keys.some((key, i) => i > 0 && keys[i - 1] > key)) found.push(`${where}: ${keys.join(',')}`);
    for (const key of keys) {
      const inner = (value as Record<string, unknown>)[key];
      // A data map's own keys are not checked, the objects in it are (an example entry, but not its value).
      if (DATA_MAPS.has(key) && inner && typeof inner === 'object' && !Array.isArray(inner)) {
        for (const [name, item] of Object.entries(inner)) if (key !== 'value') outOfOrder(item, `${where}/${key}/${name}`, found);
      } else outOfOrder(inner, `${where}/${key}`, found);
    }
  };

  it('schema files, OpenAPI operations and index entries of the seed build (with errata)', async () => {
    const { catalog } = await loadCatalog([`${ROOT}apidocs`], { root: ROOT });
    const files = generateOutput(catalog).files;
    const found: string[] = [];
    for (const [path, value] of files) {
      // The documents' own top and shared parts are written once each, in the order OpenAPI readers expect.
      if (path.startsWith('openapi.')) outOfOrder((value as { paths: unknown }).paths, path, found);
      else if (path === 'index.json') outOfOrder((value as { operations: unknown }).operations, path, found);
      else outOfOrder(value, path, found);
    }
    expect(found).to.deep.equal([]);
  });
});
