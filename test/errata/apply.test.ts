/**
 * applyErrata on a small in-memory docs tree: every correction of the vocabulary applied (with its
 * provenance) and each way an erratum goes stale (then nothing of it is applied). Pure: the input
 * catalog is never changed.
 */
import { expect } from 'chai';
import { lintInMemory } from '../../src/lint/in-memory.js';
import { applyErrata, type Correction, type Erratum } from '../../src/errata/index.js';
import { generateSchemas } from '../../src/schema/generate.js';
import { requestSchemaPath, typeSchemaPath } from '../../src/model/schema-layout.js';

const RESOURCE = `# widget resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Identifier.|
|size|Int32|Size.|
|colour|String|Colour.|

## JSON representation
<!-- { "blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.widget" } -->
\`\`\`json
{ "id": "String", "size": 1, "colour": "String" }
\`\`\`
`;

const API = `# Paint widget

Paints a widget.

## HTTP request
\`\`\`http
POST /widgets/{id}/paint
\`\`\`

## Request body
|Property|Type|Description|
|:---|:---|:---|
|displayName|String|Copied from another page.|

## Response
If successful, this method returns a \`200 OK\` response code and a [widget](../resources/widget.md) object in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "paint_widget" } -->
\`\`\`http
POST https://graph.microsoft.com/v1.0/widgets/1/paint
Content-type: application/json

{
  "colour": "red",
  "sise": "3"
}
\`\`\`

### Response
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
\`\`\`http
HTTP/1.1 200 OK
Content-type: application/json

{
  "widget": { "id": "1", "colour": "red", "size": "big" }
}
\`\`\`
`;

const FILES = { 'v1.0/resources/widget.md': RESOURCE, 'v1.0/api/widget-paint.md': API };
const lines = (texts: Record<string, string>) => (file: string) => texts[file]?.split('\n');

function erratum(correct: Correction[], over: Partial<Erratum> = {}): Erratum {
  return {
    id: 'fix-paint', page: 'api/widget-paint.md', file: 'v1.0/api/widget-paint.md', anchor: { text: '|displayName|String|Copied from another page.|', under: 'Request body' },
    answers: [{ rule: 'x', fingerprint: '0000000000000000' }], correct, reason: 'because the evidence says so', source: { file: 'v1.0/errata/e.yaml', line: 2 }, ...over,
  };
}

function run(errata: Erratum[], texts: Record<string, string> = FILES) {
  const { catalog } = lintInMemory(texts);
  const before = JSON.stringify(catalog.operations) + JSON.stringify([...catalog.types]);
  const result = applyErrata(catalog, errata, lines(texts));
  expect(JSON.stringify(catalog.operations) + JSON.stringify([...catalog.types]), 'the input catalog is not changed').to.equal(before);
  const op = result.catalog.operations[0];
  return { ...result, op, example: op.examples[0] };
}

describe('errata: applyErrata', () => {
  it('replaces the request body table, resolving named and primitive types, and marks the body', () => {
    const { op, report, catalog } = run([erratum([{ op: 'replace-request-body', properties: [{ name: 'colour', type: 'String', required: true }, { name: 'size', type: 'Int32' }, { name: 'like', type: 'widget' }] }])]);
    expect(report).to.deep.equal({ applied: [{ id: 'fix-paint', line: 13 }], stale: [] });
    expect(op.requestBody?.properties.map((p) => `${p.name}:${p.type.name}`)).to.deep.equal(['colour:Edm.String', 'size:Edm.Int32', 'like:microsoft.graph.widget']);
    expect(op.requestBody?.errata).to.deep.equal(['fix-paint']);
    expect(op.errata).to.equal(undefined);
    const schema = generateSchemas(catalog).files.get(requestSchemaPath('v1.0', op.id)) as any;
    expect(Object.keys(schema.properties)).to.deep.equal(['colour', 'size', 'like']);
    expect(schema.required).to.deep.equal(['colour']);
    expect(schema['x-graphpact-errata']).to.deep.equal(['fix-paint']);
  });

  it('corrects example bodies: rename in place, fix a value, remove, unwrap an envelope', () => {
    const { example, report } = run([erratum([
      { op: 'rename-example-property', side: 'request', pointer: '/sise', to: 'size' },
      { op: 'fix-example-value', side: 'request', pointer: '/size', value: 3 },
      { op: 'unwrap-example', side: 'response', pointer: '/widget' },
      { op: 'remove-example-property', side: 'response', pointer: '/size' },
    ])]);
    expect(report.stale).to.deep.equal([]);
    expect(example.request?.body?.value).to.deep.equal({ colour: 'red', size: 3 });
    expect(Object.keys(example.request?.body?.value as object)).to.deep.equal(['colour', 'size']);
    expect(example.request?.body?.errata).to.deep.equal(['fix-paint']);
    expect(example.response?.body?.value).to.deep.equal({ id: '1', colour: 'red' });
    expect(example.response?.body?.errata).to.deep.equal(['fix-paint']);
  });

  it('sets the status and the permissions, and patches the operation with RFC 6902 JSON Patch (test included)', () => {
    const { op } = run([erratum([
      { op: 'set-status', status: 201 },
      { op: 'set-permissions', permissions: [{ type: 'Application', scopes: ['Widget.ReadWrite.All'] }] },
      { op: 'json-patch', patch: [{ op: 'test', path: '/title', value: 'Paint widget' }, { op: 'replace', path: '/title', value: 'widget: paint' }] },
    ])]);
    expect(op.successStatus).to.equal(201);
    expect(op.permissions.map((p) => `${p.type}: ${p.scopes.join()}`)).to.deep.equal(['Application: Widget.ReadWrite.All']);
    expect(op.title).to.equal('widget: paint');
    expect(op.errata).to.deep.equal(['fix-paint']);
  });

  it('renames and retypes a property of a resource page\'s type', () => {
    const typeErratum = erratum([{ op: 'retype-property', property: 'colour', type: 'Int32' }, { op: 'rename-property', property: 'size', to: 'width' }],
      { page: 'resources/widget.md', file: 'v1.0/resources/widget.md', anchor: { text: '|colour|String|Colour.|' } });
    const { catalog, report } = run([typeErratum]);
    expect(report.stale).to.deep.equal([]);
    const def = catalog.types.get('v1.0:microsoft.graph.widget');
    expect(def?.properties.map((p) => `${p.name}:${p.type.name}`)).to.deep.equal(['id:Edm.String', 'width:Edm.Int32', 'colour:Edm.Int32']);
    expect((generateSchemas(catalog).files.get(typeSchemaPath('v1.0', 'microsoft.graph.widget')) as any)['x-graphpact-errata']).to.deep.equal(['fix-paint']);
  });

  describe('stale: nothing of the erratum is applied', () => {
    const staleReason = (errata: Erratum[], texts?: Record<string, string>) => {
      const { report, op } = run(errata, texts);
      expect(report.applied).to.deep.equal([]);
      expect(op.requestBody?.properties.map((p) => p.name)).to.deep.equal(['displayName']);
      expect(op.examples[0].request?.body?.errata).to.equal(undefined);
      return report.stale[0]?.reason;
    };
    const fixSise: Correction = { op: 'rename-example-property', side: 'request', pointer: '/sise', to: 'size' };

    it('when its anchor is gone from the page (the docs changed)', () => {
      const edited = { ...FILES, 'v1.0/api/widget-paint.md': API.replace('Copied from another page.', 'Copied.') };
      expect(staleReason([erratum([fixSise])], edited)).to.match(/anchor "\|displayName\|String\|Copied from another page\.\|" under "Request body" is no longer in the page/);
    });

    it('when its anchor matches more than one line', () => {
      expect(staleReason([erratum([fixSise], { anchor: { text: '```' } })])).to.match(/matches lines .*: add or narrow "under"/);
    });

    it('but not when only line numbers moved', () => {
      const shifted = { ...FILES, 'v1.0/api/widget-paint.md': API.replace('Paints a widget.', 'Paints a widget.\n\nMore prose.\n') };
      const { report } = run([erratum([fixSise])], shifted);
      expect(report.applied).to.deep.equal([{ id: 'fix-paint', line: 16 }]);
    });

    it('when one of its corrections no longer fits, even if an earlier one did', () => {
      expect(staleReason([erratum([{ op: 'replace-request-body', properties: [{ name: 'size', type: 'Int32' }] }, { ...fixSise, pointer: '/gone' }])])).to.match(/rename-example-property \/gone: the example has no "gone"/);
      expect(staleReason([erratum([{ op: 'unwrap-example', side: 'request', pointer: '/nothing' }])])).to.match(/nothing there/);
      expect(staleReason([erratum([{ op: 'fix-example-value', side: 'request', pointer: '/a/b', value: 1 }])])).to.match(/no object there/);
      expect(staleReason([erratum([{ ...fixSise, example: 2 }])])).to.match(/no example 2 \(it has 1\)/);
    });

    it('when a type or property it names does not exist, or a JSON Patch test fails', () => {
      expect(staleReason([erratum([{ op: 'replace-request-body', properties: [{ name: 'x', type: 'gadget' }] }])])).to.match(/type microsoft\.graph\.gadget is defined by no resource page visible in v1\.0/);
      expect(staleReason([erratum([{ op: 'rename-property', property: 'nope', to: 'x' }])])).to.match(/request body has no property "nope"/);
      expect(staleReason([erratum([{ op: 'json-patch', patch: [{ op: 'test', path: '/title', value: 'Something else' }] }])])).to.match(/JSON Patch "test" failed/);
      expect(staleReason([erratum([{ op: 'json-patch', patch: [{ op: 'replace', path: '/nope/deeper', value: 1 }] }])])).to.match(/JSON Patch does not apply/);
    });

    it('when its page is not in the docs', () => {
      expect(staleReason([erratum([fixSise], { file: 'v1.0/api/gone.md' })])).to.equal('its page v1.0/api/gone.md is not in the docs');
    });
  });
});
