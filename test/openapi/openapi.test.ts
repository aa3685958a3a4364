import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { buildFromDocs, generateOutput, type DocsBuild } from '../../src/schema/pipeline.js';
import { buildCatalog } from '../../src/catalog/index.js';
import { parsePage } from '../../src/parse/index.js';
import { openApiPath as openApiFile } from '../../src/model/schema-layout.js';
import { openApiPath } from '../../src/openapi/generate.js';
import { serializeJson } from '../../src/schema/write.js';
import { isRedacted } from '../../src/util/redact.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** validate() dereferences in place: give it a copy. */
async function validateCopy(document: unknown) {
  return validate(structuredClone(document) as Parameters<typeof validate>[0]);
}

describe('openapi: OpenAPI 3.1 per version', () => {
  let built: DocsBuild;
  const doc = (version: string): any => built.output.files.get(openApiFile(version));
  before(async () => {
    built = await buildFromDocs([`${ROOT}apidocs`], { root: ROOT });
  });

  for (const version of ['beta', 'localtest']) {
    it(`openapi.${version}.json passes @readme/openapi-parser validate()`, async () => {
      const result = await validateCopy(doc(version));
      expect(result.valid, JSON.stringify(result)).to.equal(true);
      expect(doc(version)).to.deep.include({ openapi: '3.1.0', jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema' });
      expect(doc(version).servers).to.deep.equal([{ url: `https://graph.microsoft.com/${version}` }]);
    });
  }

  it('a redirect success (report pages, `302 Found`) is a 302 with a Location header and no body', async () => {
    const file = 'docs/v1.0/api/reportroot-getthingcounts.md';
    const page = parsePage({ file, text: [
      '# reportRoot: getThingCounts', '', '## HTTP request', '```http', "GET /reports/getThingCounts(period='{period_value}')", '```', '',
      '## Response', '', 'If successful, this method returns a `302 Found` response that redirects to a preauthenticated download URL for the report, in the `Location` header.', '',
      '## Example', '### Request', '```http', "GET https://graph.microsoft.com/v1.0/reports/getThingCounts(period='D7')", '```', '### Response', '```http',
      'HTTP/1.1 302 Found', 'Location: https://reports.example.com/download/abc', '```', '',
    ].join('\n') });
    const document: any = generateOutput(buildCatalog([page])).files.get(openApiFile('v1.0'));
    const get = document.paths["/reports/getThingCounts(period='{period_value}')"].get;
    expect(Object.keys(get.responses)).to.deep.equal(['302', '4XX', '5XX']);
    expect(get.responses['302']).to.not.have.property('content');
    expect(get.responses['302'].headers.Location).to.deep.include({ required: true, schema: { type: 'string', format: 'uri' } });
    const result = await validateCopy(document);
    expect(result.valid, JSON.stringify(result)).to.equal(true);
  });

  it('the validator does reject a broken document (the test can fail)', async () => {
    const broken = structuredClone(doc('beta'));
    broken.paths['/applications/{id}/addKey'].post.parameters = [];
    const result = await validateCopy(broken);
    expect(result.valid).to.equal(false);
  });

  it('describes addKey: path parameter, request $ref, 200 response, Graph errors, examples, source, OAuth2 security', () => {
    const post = doc('beta').paths['/applications/{id}/addKey'].post;
    expect(post.operationId).to.equal('applications.addKey');
    expect(post.parameters).to.deep.equal([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(post.requestBody.content['application/json'].schema).to.deep.equal({ $ref: '#/components/schemas/applications.addKey.request' });
    expect(post.responses['200'].content['application/json'].schema).to.deep.equal({ $ref: '#/components/schemas/applications.addKey.response' });
    expect(post['x-graphpact-source']).to.deep.equal({ file: 'apidocs/api/application-addkey.md', line: 31 });
    expect(post.tags).to.deep.equal(['applications']);
    expect(post.responses['4XX']).to.deep.equal({ $ref: '#/components/responses/error' });
    expect(post.responses['5XX']).to.deep.equal({ $ref: '#/components/responses/error' });
    // least privileged of each row: delegated (work or school) first, then application; 'Not supported.' gives none
    expect(post.security).to.deep.equal([{ azureaadv2: ['Directory.AccessAsUser.All'] }, { azureaadv2: ['Application.ReadWrite.OwnedBy'] }]);
    expect(doc('beta').security).to.deep.equal([{ azureaadv2: [] }]);
    const flows = doc('beta').components.securitySchemes.azureaadv2.flows;
    expect(flows.authorizationCode.scopes).to.have.property('Directory.AccessAsUser.All');
    expect(flows.clientCredentials.scopes).to.include.keys('Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All', 'https://graph.microsoft.com/.default');
  });

  it('every operation answers errors with Graph\'s error envelope (4XX, 5XX, one shared response)', () => {
    const document = doc('beta');
    const operations = Object.values(document.paths).flatMap((item: any) => Object.values(item)) as any[];
    expect(operations.length).to.be.greaterThan(0);
    for (const op of operations) expect(op.responses).to.include.keys('4XX', '5XX');
    const envelope = document.components.responses.error.content['application/json'].schema;
    expect(envelope).to.deep.equal({ $ref: '#/components/schemas/microsoft.graph.ODataErrors.ODataError' });
    const schemas = document.components.schemas;
    expect(schemas['microsoft.graph.ODataErrors.MainError'].required).to.deep.equal(['code', 'message']);
    const inner = schemas['microsoft.graph.ODataErrors.InnerError'].properties;
    expect(inner).to.include.keys('date', 'request-id', 'client-request-id');
    const dateWithoutOffset = new RegExp(inner.date.pattern);
    expect(dateWithoutOffset.test('2024-05-01T10:00:00')).to.equal(true);
    expect(dateWithoutOffset.test('2024-05-01T10:00:00Z')).to.equal(false);
  });

  it('writes no $ref with sibling keywords anywhere (tools read those as empty objects)', () => {
    for (const version of ['beta', 'localtest']) {
      const offenders: string[] = [];
      const walk = (value: unknown, at: string): void => {
        if (!value || typeof value !== 'object') return;
        if (!Array.isArray(value) && '$ref' in value && Object.keys(value).length > 1) offenders.push(at);
        for (const [k, v] of Object.entries(value)) walk(v, `${at}/${k}`);
      };
      walk(doc(version), '#');
      expect(offenders, version).to.deep.equal([]);
    }
    // the check can fail
    const offenders: string[] = [];
    const probe = { a: { $ref: '#/x', description: 'y' } };
    for (const [k, v] of Object.entries(probe)) if ('$ref' in v && Object.keys(v).length > 1) offenders.push(k);
    expect(offenders).to.deep.equal(['a']);
  });

  it('inlines the schema files as components with rewritten refs', () => {
    const schemas = doc('beta').components.schemas;
    expect(Object.keys(schemas).sort()).to.include.members(['microsoft.graph.keyCredential', 'deviceAppManagement.sideLoadingKeys.create.response']);
    expect(schemas['deviceAppManagement.sideLoadingKeys.create.response'].allOf).to.deep.equal([{ $ref: '#/components/schemas/microsoft.graph.sideLoadingKey' }]);
    expect(JSON.stringify(schemas)).to.not.contain('"$id"');
  });

  it('redacts secret-named example values (localtest addKey proof)', () => {
    const example = doc('localtest').paths['/applications/{applicationsId}/addKey'].post.requestBody.content['application/json'].examples.example1;
    expect(example.value.proof).to.equal('[REDACTED]');
  });

  it('redacts an example entry whole when it is embedded: its summary too, as it is written (the writer does not redact it again)', () => {
    const file = 'docs/v1.0/api/thing-create.md';
    const page = parsePage({ file, text: [
      '# Create thing', '', '## HTTP request', '```http', 'POST /things', '```', '',
      '## Request body', '', '| Property | Type | Description |', '|:--|:--|:--|', '| name | String | The name. |', '| password | String | The password. |', '',
      '## Response', '', 'If successful, this method returns a `201 Created` response code.', '',
      '## Example', '### Request: with Authorization Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', '```http', 'POST https://graph.microsoft.com/v1.0/things', 'Content-Type: application/json', '',
      '{', '  "name": "x",', '  "password": "hunter2-secret"', '}', '```', '',
    ].join('\n') });
    const files = generateOutput(buildCatalog([page])).files;
    const document: any = files.get(openApiFile('v1.0'));
    const examples = document.paths['/things'].post.requestBody?.content['application/json'].examples;
    expect(examples, JSON.stringify(document.paths['/things'].post)).to.not.equal(undefined);
    expect(examples.example1.value).to.deep.equal({ name: 'x', password: '[REDACTED]' });
    expect(examples.example1.summary).to.not.contain('eyJhbGciOiJIUzI1NiJ9');
    expect(isRedacted(examples), 'marked: the writer skips its second pass').to.equal(true);
    expect(serializeJson(document)).to.not.match(/hunter2-secret|eyJhbGciOiJIUzI1NiJ9/);
  });

  it('numbers a placeholder used twice, since parameters are unique by name', () => {
    expect(openApiPath('/users/{id}/messages/{id}')).to.deep.equal({ path: '/users/{id}/messages/{id2}', parameters: ['id', 'id2'] });
    expect(openApiPath('/me/drive/root:/{item-path}:/content').parameters).to.deep.equal(['item-path']);
  });

  it('lists documented request headers as header parameters, but not Authorization, Content-Type or Accept', async () => {
    const docs = await mkdtemp(join(tmpdir(), 'graphpact-openapi-'));
    try {
      await mkdir(join(docs, 'api'), { recursive: true });
      const page = (await readFile(`${ROOT}apidocs/api/application-addkey.md`, 'utf8')).replace(
        '| Authorization  | string | Bearer {token}. Required.  |',
        '| Authorization  | string | Bearer {token}. Required.  |\n| Content-Type | string | application/json. Required. |\n| If-Match | string | ETag of the application. Required. |\n| `ConsistencyLevel` | string | eventual. Optional. |',
      );
      await writeFile(join(docs, 'api', 'application-addkey.md'), page);
      const headersBuild = await buildFromDocs([docs], { root: docs });
      const document = headersBuild.output.files.get(openApiFile('beta')) as any;
      const post = document.paths['/applications/{id}/addKey'].post;
      expect(post.parameters.map((p: any) => [p.name, p.in, p.required])).to.deep.equal([
        ['id', 'path', true],
        ['If-Match', 'header', true],
        ['ConsistencyLevel', 'header', false],
      ]);
      expect(post.parameters[1]['x-graphpact-source']).to.deep.equal({ file: 'api/application-addkey.md', line: 40 });
      const result = await validateCopy(document);
      expect(result.valid, JSON.stringify(result)).to.equal(true);
    } finally {
      await rm(docs, { recursive: true, force: true });
    }
  });

  it('lists documented query parameters (OData options and a function\'s own) as optional query parameters', async () => {
    const docs = await mkdtemp(join(tmpdir(), 'graphpact-openapi-'));
    try {
      await mkdir(join(docs, 'api'), { recursive: true });
      const page = (await readFile(`${ROOT}apidocs/api/application-addkey.md`, 'utf8')).replace(
        '## Request headers',
        '## Optional query parameters\n\nThis method supports the `$select` and `$top` OData query parameters.\n\n| Name | Type | Description |\n|:--|:--|:--|\n| since | DateTimeOffset | Only keys added since then. |\n\n## Request headers',
      );
      await writeFile(join(docs, 'api', 'application-addkey.md'), page);
      const built = await buildFromDocs([docs], { root: docs });
      const post = (built.output.files.get(openApiFile('beta')) as any).paths['/applications/{id}/addKey'].post;
      const query = post.parameters.filter((p: any) => p.in === 'query');
      expect(query.map((p: any) => [p.name, p.required, p.schema])).to.deep.equal([
        ['$select', false, { type: 'string' }],
        ['$top', false, { type: 'integer', minimum: 0 }],
        ['since', false, { type: 'string', format: 'date-time' }],
      ]);
      expect(query[2]['x-graphpact-source'].line).to.be.a('number');
      expect(post['x-graphpact-query-support']).to.equal('named');
      const result = await validateCopy(built.output.files.get(openApiFile('beta')));
      expect(result.valid, JSON.stringify(result)).to.equal(true);
    } finally {
      await rm(docs, { recursive: true, force: true });
    }
  });

  it('gives every documented METHOD path its own path item sharing the schemas; paths that differ only in parameter names are one', async () => {
    const docs = await mkdtemp(join(tmpdir(), 'graphpact-openapi-'));
    try {
      await mkdir(join(docs, 'api'), { recursive: true });
      const page = (await readFile(`${ROOT}apidocs/api/application-addkey.md`, 'utf8')).replace(
        'POST /applications/{id}/addKey\n',
        'POST /applications/{id}/addKey\nPOST /applications/{applicationObjectId}/addKey\nPOST /applications(appId=\'{appId}\')/addKey\n',
      );
      await writeFile(join(docs, 'api', 'application-addkey.md'), page);
      const built = await buildFromDocs([docs], { root: docs });
      const op = built.catalog.operations.find((o) => o.id === 'applications.addKey')!;
      expect(op.paths.map((p) => [p.method, p.path, p.raw, p.line])).to.deep.equal([
        ['POST', '/applications/{id}/addKey', '/applications/{id}/addKey', 31],
        ['POST', '/applications/{applicationObjectId}/addKey', '/applications/{applicationObjectId}/addKey', 32],
        ['POST', "/applications(appId='{appId}')/addKey", "/applications(appId='{appId}')/addKey", 33],
      ]);
      const document = built.output.files.get(openApiFile('beta')) as any;
      expect(Object.keys(document.paths).filter((p) => p.includes('addKey')).sort()).to.deep.equal(["/applications(appId='{appId}')/addKey", '/applications/{id}/addKey']);
      const own = document.paths['/applications/{id}/addKey'].post;
      const byAppId = document.paths["/applications(appId='{appId}')/addKey"].post;
      // one path item for the two spellings, both lines kept
      expect(own.operationId).to.equal('applications.addKey');
      expect(own['x-graphpact-sources']).to.deep.equal([
        { file: 'api/application-addkey.md', line: 31, path: '/applications/{id}/addKey' },
        { file: 'api/application-addkey.md', line: 32, path: '/applications/{applicationObjectId}/addKey' },
      ]);
      // the extra path: its own line and id, the same schemas, the catalog operation named
      expect(byAppId['x-graphpact-source']).to.deep.equal({ file: 'api/application-addkey.md', line: 33 });
      expect(byAppId.operationId).to.not.equal(own.operationId);
      expect(byAppId['x-graphpact-operation']).to.equal('applications.addKey');
      expect(byAppId.parameters).to.deep.equal([{ name: 'appId', in: 'path', required: true, schema: { type: 'string' } }]);
      expect(byAppId.requestBody.content['application/json'].schema).to.deep.equal(own.requestBody.content['application/json'].schema);
      expect(byAppId.responses['200'].content['application/json'].schema).to.deep.equal(own.responses['200'].content['application/json'].schema);
      const ids = Object.values(document.paths).flatMap((item: any) => Object.values(item).map((o: any) => o.operationId));
      expect(new Set(ids).size).to.equal(ids.length);
      const result = await validateCopy(document);
      expect(result.valid, JSON.stringify(result)).to.equal(true);
    } finally {
      await rm(docs, { recursive: true, force: true });
    }
  });

  it('embeds the examples their schema accepts and leaves out, with a pointer to the lint finding, one it rejects', async () => {
    const docs = await mkdtemp(join(tmpdir(), 'graphpact-openapi-'));
    try {
      await mkdir(join(docs, 'api'), { recursive: true });
      const page = await readFile(`${ROOT}apidocs/api/application-addkey-localtest.md`, 'utf8');
      const broken = page.replace('  "proof": "Proof value"\n}', '  "proof": "Proof value",\n  "notDocumented": 1\n}');
      expect(broken).to.not.equal(page);
      const media = async (text: string): Promise<any> => {
        await writeFile(join(docs, 'api', 'application-addkey-localtest.md'), text);
        const built = await buildFromDocs([docs], { root: docs });
        return (built.output.files.get(openApiFile('localtest')) as any).paths['/applications/{applicationsId}/addKey'].post.requestBody.content['application/json'];
      };
      const ok = await media(page);
      expect(ok.examples).to.have.key('example1');
      expect(ok).to.not.have.property('x-graphpact-examples-left-out');
      const notOk = await media(broken);
      expect(notOk).to.not.have.property('examples');
      expect(notOk['x-graphpact-examples-left-out']).to.deep.equal([
        { name: 'example1', 'x-graphpact-source': { file: 'api/application-addkey-localtest.md', line: 71 }, lintRule: 'example-request-invalid', error: '/ must NOT have additional properties' },
      ]);
    } finally {
      await rm(docs, { recursive: true, force: true });
    }
  });
});
