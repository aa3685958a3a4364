/** Schema generation rules on hand-built pages: refs, nullability, base types, enums, request/response shapes. */
import { expect } from 'chai';
import { buildCatalog } from '../../src/catalog/index.js';
import { requestSchemaPath, responseSchemaPath, typeSchemaPath } from '../../src/model/schema-layout.js';
import { generateSchemas } from '../../src/schema/generate.js';
import { schemaSetFromFiles } from '../../src/schema/load.js';
import { apiPage, named, prim, resourcePage, row } from '../catalog/pages.js';

const R = 'docs/v1.0/resources';
const A = 'docs/v1.0/api';

function fixture() {
  const pages = [
    resourcePage(`${R}/entity.md`, 'entity', [row(`${R}/entity.md`, 9, 'id', prim('String'), { nullable: false })], { version: 'v1.0', typeKind: 'entity' }),
    resourcePage(`${R}/widget.md`, 'widget', [
      row(`${R}/widget.md`, 9, 'colour', named('colour', 'colour.md')),
      row(`${R}/widget.md`, 10, 'tags', prim('String', true), { nullable: false }),
      row(`${R}/widget.md`, 11, 'part', named('part', 'part.md')),
    ], { version: 'v1.0', typeKind: 'entity', baseType: 'microsoft.graph.entity' }),
    resourcePage(`${R}/part.md`, 'part', [row(`${R}/part.md`, 9, 'size', prim('Int32'))], { version: 'v1.0' }),
    resourcePage(`${R}/colour.md`, 'colour', [], { version: 'v1.0', typeKind: 'enum', enumMembers: [{ name: 'red', description: '', line: 9 }, { name: 'blue', description: '', line: 10 }] }),
    resourcePage(`${R}/orphan.md`, 'orphan', [], { version: 'v1.0', baseType: 'microsoft.graph.missingBase' }),
    apiPage(`${A}/widget-create.md`, {
      method: 'POST', path: '/widgets', version: 'v1.0', h1: { file: `${A}/widget-create.md`, line: 1, level: 1, text: 'Create widget' },
      requestBody: { line: 20, none: false, tables: [], prose: 'supply a JSON representation of a [widget](../resources/widget.md) object.', properties: [], representationOf: named('widget', '../resources/widget.md') },
      response: { line: 30, text: '', statusCodes: [201], returnType: named('widget', '../resources/widget.md'), collection: false },
    }),
    apiPage(`${A}/widget-list.md`, {
      method: 'GET', path: '/widgets', version: 'v1.0',
      response: { line: 30, text: '', statusCodes: [200], returnType: named('widget', '../resources/widget.md', true), collection: true },
    }),
    apiPage(`${A}/widget-paint.md`, {
      method: 'POST', path: '/widgets/{id}/paint', version: 'v1.0',
      requestBody: { line: 20, none: false, tables: [], prose: '', properties: [row(`${A}/widget-paint.md`, 22, 'colour', named('colour'), { required: true })] },
      response: { line: 30, text: '', statusCodes: [200], returnType: prim('Boolean'), collection: false },
    }),
    apiPage(`${A}/widget-delete.md`, { method: 'DELETE', path: '/widgets/{id}', version: 'v1.0', response: { line: 30, text: '', statusCodes: [204], collection: false } }),
  ];
  const generated = generateSchemas(buildCatalog(pages));
  return { generated, set: schemaSetFromFiles('memory', generated.index, generated.files) };
}

describe('schema: generation rules', () => {
  const { generated, set } = fixture();
  const ok = (path: string, value: unknown): boolean => set.validator(path)(value) as boolean;
  const widget = typeSchemaPath('v1.0', 'microsoft.graph.widget');

  it('refers to named types by relative $ref, nullable through anyOf', () => {
    const schema = set.schema(widget) as any;
    expect(schema.properties.part).to.deep.equal({ anyOf: [{ $ref: './microsoft.graph.part.json' }, { type: 'null' }] });
    expect(schema.properties.tags).to.deep.equal({ type: 'array', items: { type: 'string' } });
    expect(ok(widget, { part: null, colour: null })).to.equal(true);
    expect(ok(widget, { part: { size: 'big' } })).to.equal(false);
    expect(ok(widget, { tags: null })).to.equal(false);
  });

  it('inherits the base type through allOf, and reports a base type no page defines', () => {
    expect((set.schema(widget) as any).allOf).to.deep.equal([{ $ref: './microsoft.graph.entity.json' }]);
    expect(ok(widget, { id: 'w1' })).to.equal(true);
    expect(ok(widget, { id: null })).to.equal(false);
    expect(generated.findings.map((f) => `${f.ruleId} ${f.file}`)).to.deep.equal([`schema-unresolved-base-type ${R}/orphan.md`]);
  });

  it('enums list their members', () => {
    const colour = typeSchemaPath('v1.0', 'microsoft.graph.colour');
    expect(ok(colour, 'red')).to.equal(true);
    expect(ok(colour, 'green')).to.equal(false);
    expect(ok(widget, { colour: 'green' })).to.equal(false);
  });

  it('types allow unknown properties and @odata annotations', () => {
    expect(ok(widget, { '@odata.type': '#microsoft.graph.widget', '@odata.etag': 'W/1', brandNew: 1 })).to.equal(true);
    expect(ok(widget, { '@odata.type': 7 })).to.equal(false);
  });

  it('a "JSON representation of" request is the type, closed to unknown properties', () => {
    const request = requestSchemaPath('v1.0', 'widgets.create');
    expect(ok(request, { '@odata.type': '#microsoft.graph.widget', id: 'w', tags: ['a'], part: { size: 1 } })).to.equal(true);
    expect(ok(request, { brandNew: 1 })).to.equal(false);
  });

  it('a "JSON representation of" request rejects a wrongly typed value without crashing ajv (corpus: fido2 configuration update)', () => {
    const validate = set.validator(requestSchemaPath('v1.0', 'widgets.create'));
    // With `patternProperties` beside the `$ref`, ajv 8 threw "Cannot set properties of undefined" here.
    expect(validate({ '@odata.type': '#microsoft.graph.widget', '@odata.etag': 'W/1', tags: 'true' })).to.equal(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).to.include('/tags type');
    expect(ok(requestSchemaPath('v1.0', 'widgets.create'), { '@odata.type': '#microsoft.graph.widget', '@odata.etag': 'W/1', tags: ['a'] })).to.equal(true);
  });

  it('request tables: documented "Required." properties are required', () => {
    const request = requestSchemaPath('v1.0', 'widgets.paint');
    expect(ok(request, { colour: 'red' })).to.equal(true);
    expect(ok(request, {})).to.equal(false);
  });

  it('responses: the type, a {value: [...]} page for collections, {value} for primitives, none for 204', () => {
    expect(ok(responseSchemaPath('v1.0', 'widgets.create'), { id: 'w' })).to.equal(true);
    const list = responseSchemaPath('v1.0', 'widgets.list');
    expect(ok(list, { '@odata.context': 'x', '@odata.nextLink': 'https://next', value: [{ id: 'a' }] })).to.equal(true);
    expect(ok(list, [{ id: 'a' }])).to.equal(false);
    expect(ok(list, { value: [{ id: 7 }] })).to.equal(false);
    const paint = responseSchemaPath('v1.0', 'widgets.paint');
    expect(ok(paint, { value: true })).to.equal(true);
    expect(ok(paint, { value: 'yes' })).to.equal(false);
    expect(generated.files.has(responseSchemaPath('v1.0', 'widgets.delete'))).to.equal(false);
    const entry = generated.index.operations.find((e) => e.id === 'widgets.delete');
    expect(entry).to.include({ successStatus: 204 });
    expect(entry?.response).to.equal(undefined);
  });
});

describe('schema: unversioned types', () => {
  it('are generated in every version folder, their problems reported once', () => {
    const pages = [
      resourcePage('docs/resources/shared.md', 'shared', [], { baseType: 'microsoft.graph.nowhere' }),
      apiPage('docs/beta/api/a.md', { version: 'beta', path: '/a/{id}' }),
      apiPage('docs/v1.0/api/a.md', { version: 'v1.0', path: '/a/{id}' }),
    ];
    const generated = generateSchemas(buildCatalog(pages));
    expect([...generated.files.keys()].filter((p) => p.includes('/types/'))).to.deep.equal([
      'beta/types/microsoft.graph.shared.json',
      'v1.0/types/microsoft.graph.shared.json',
    ]);
    expect(generated.findings.map((f) => f.ruleId)).to.deep.equal(['schema-unresolved-base-type']);
  });
});

describe('schema: errata provenance (x-graphpact-errata)', () => {
  const A2 = 'docs/beta/api';
  const pages = () => [
    resourcePage('docs/beta/resources/part.md', 'part', [row('docs/beta/resources/part.md', 9, 'size', prim('Int32'))], { version: 'beta' }),
    apiPage(`${A2}/part-paint.md`, {
      method: 'POST', path: '/parts/{id}/paint', version: 'beta',
      requestBody: { line: 20, none: false, tables: [], prose: '', properties: [row(`${A2}/part-paint.md`, 22, 'size', prim('Int32'))] },
      response: { line: 30, text: '', statusCodes: [200], returnType: named('part', '../resources/part.md'), collection: false },
    }),
  ];

  it('marks the request, response and type schemas an erratum touched, and only those', () => {
    const catalog = buildCatalog(pages());
    const op = catalog.operations[0];
    op.errata = ['op-fix'];
    op.requestBody!.errata = ['body-fix'];
    catalog.types.get('beta:microsoft.graph.part')!.errata = ['type-fix'];
    const { files } = generateSchemas(catalog);
    expect((files.get(requestSchemaPath('beta', op.id)) as any)['x-graphpact-errata']).to.deep.equal(['body-fix', 'op-fix']);
    expect((files.get(responseSchemaPath('beta', op.id)) as any)['x-graphpact-errata']).to.deep.equal(['op-fix']);
    expect((files.get(typeSchemaPath('beta', 'microsoft.graph.part')) as any)['x-graphpact-errata']).to.deep.equal(['type-fix']);
  });

  it('says nothing when no erratum touched the catalog', () => {
    const { files } = generateSchemas(buildCatalog(pages()));
    for (const [path, schema] of files) expect(schema, path).to.not.have.property('x-graphpact-errata');
  });
});
