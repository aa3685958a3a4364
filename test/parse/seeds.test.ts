/** The three seed API pages and three resource pages of apidocs/: the exact facts the suite is built from. */
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocs } from '../../src/parse/index.js';
import type { ApiPage, ParsedPage, ResourcePage } from '../../src/model/page.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('parse: seed pages in apidocs/', () => {
  let pages: ParsedPage[];
  const byName = (name: string) => {
    const page = pages.find((p) => path.basename(p.file) === name);
    if (!page) throw new Error(`${name} not parsed`);
    return page;
  };
  const api = (name: string) => byName(name) as ApiPage;
  const resource = (name: string) => byName(name) as ResourcePage;

  before(async () => {
    const result = await loadDocs([path.join(repoRoot, 'apidocs')]);
    expect(result.findings).to.deep.equal([]);
    pages = result.pages;
  });

  it('parses the six pages, classified by folder', () => {
    expect(pages.map((p) => [path.basename(p.file), p.kind])).to.deep.equal([
      ['application-addkey-localtest.md', 'api'],
      ['application-addkey.md', 'api'],
      ['intune-onboarding-sideloadingkey-create.md', 'api'],
      ['intune-onboarding-sideloadingkey.md', 'resource'],
      ['keycredential.md', 'resource'],
      ['passwordcredential.md', 'resource'],
    ]);
  });

  describe('seed 000: intune-onboarding-sideloadingkey-create.md', () => {
    it('no front matter, H1, prose permissions', () => {
      const page = api('intune-onboarding-sideloadingkey-create.md');
      expect(page).to.not.have.property('frontMatterLine');
      expect(page.h1).to.include({ text: 'Create sideLoadingKey', line: 1 });
      expect(page.permissionsLine).to.equal(6);
      expect(page.permissions).to.have.length(1);
      expect(page.permissions[0]).to.include({ type: 'Scopes', line: 9 });
      expect(page.permissions[0].scopes).to.deep.equal([
        'DeviceManagementApps.ReadWrite.All',
        'DeviceManagementServiceConfiguration.ReadWrite.All',
        'DeviceManagementManagedDevices.ReadWrite.All',
      ]);
    });
    it('path with trailing slash at line 16; Header|Value table with decoded entity', () => {
      const page = api('intune-onboarding-sideloadingkey-create.md');
      expect(page.httpRequests.map((p) => [p.method, p.path, p.line])).to.deep.equal([['POST', '/deviceAppManagement/sideLoadingKeys/', 16]]);
      expect(page.requestHeaders.table?.header).to.deep.equal(['header', 'value']);
      expect(page.requestHeaders.table?.rows[0].cells).to.deep.equal(['Authorization', 'Bearer <token> Required.']);
    });
    it('request body: representation of sideLoadingKey plus a 6-row table', () => {
      const body = api('intune-onboarding-sideloadingkey-create.md').requestBody!;
      expect(body.none).to.equal(false);
      expect(body.representationOf).to.include({ kind: 'named', name: 'sideLoadingKey' });
      expect(body.properties.map((p) => [p.name, p.type.name, p.line])).to.deep.equal([
        ['id', 'Edm.String', 31], ['value', 'Edm.String', 32], ['displayName', 'Edm.String', 33],
        ['description', 'Edm.String', 34], ['totalActivation', 'Edm.Int32', 35], ['lastUpdatedDateTime', 'Edm.String', 36],
      ]);
    });
    it('response 201, returnType sideLoadingKey, broken link to intune_onboarding_sideloadingkey.md', () => {
      const page = api('intune-onboarding-sideloadingkey-create.md');
      expect(page.response).to.include({ line: 40, collection: false });
      expect(page.response?.statusCodes).to.deep.equal([201]);
      expect(page.response?.returnType).to.include({ kind: 'named', name: 'sideLoadingKey', link: '../resources/intune_onboarding_sideloadingkey.md' });
      const broken = page.links.filter((l) => l.target === '../resources/intune_onboarding_sideloadingkey.md');
      expect(broken.map((l) => [l.line, l.resolved])).to.deep.equal([[5, undefined], [41, undefined]]);
    });
    it('one unannotated example found by position, version beta from its URL', () => {
      const page = api('intune-onboarding-sideloadingkey-create.md');
      expect(page.version).to.deep.equal({ value: 'beta', source: 'example-url', line: 47 });
      expect(page.examples).to.have.length(1);
      const { request, response } = page.examples[0];
      expect(request).to.include({ method: 'POST', path: '/deviceAppManagement/sideLoadingKeys/', line: 47 });
      expect(request?.headers.map((h) => h.name)).to.deep.equal(['Content-type', 'Content-length']);
      expect(request?.body).to.include({ parse: 'strict', line: 51 });
      expect(request?.body?.pointers?.['/totalActivation']).to.equal(56);
      expect(response).to.include({ status: 201, reason: 'Created', line: 64 });
      expect(response?.body?.pointers?.['/id']).to.equal(70);
      expect(response?.repairs).to.deep.equal([]);
    });
  });

  describe('seed 001: application-addkey-localtest.md', () => {
    it('version localtest from the example URL; TODO permissions kept', () => {
      const page = api('application-addkey-localtest.md');
      expect(page.version).to.deep.equal({ value: 'localtest', source: 'example-url', line: 66 });
      expect(page.permissions.map((p) => p.scopes)).to.deep.equal([['TODO: Determine scopes'], [], ['TODO: Determine AppOnly scopes']]);
    });
    it("request repair 'blank line before headers', body keys at their lines", () => {
      const [example] = api('application-addkey-localtest.md').examples;
      expect(example.name).to.equal('application_addkey');
      expect(example.request).to.include({ path: '/applications/{applicationsId}/addKey', version: 'localtest' });
      expect(example.request?.repairs).to.deep.equal(['blank line before headers']);
      expect(example.request?.headers.map((h) => [h.name, h.line])).to.deep.equal([['Content-type', 68], ['Content-length', 69]]);
      expect(example.request?.body?.pointers).to.deep.equal({
        '/keyCredential': 72, '/keyCredential/@odata.type': 73, '/passwordCredential': 75, '/passwordCredential/@odata.type': 76, '/proof': 78,
      });
    });
    it('response 200 wrapped in value; annotation says keycredential', () => {
      const [example] = api('application-addkey-localtest.md').examples;
      expect(example.response).to.include({ status: 200 });
      expect(example.response?.annotation?.data['@odata.type']).to.equal('microsoft.graph.keycredential');
      expect(example.response?.body?.value).to.deep.equal({ value: { '@odata.type': 'microsoft.graph.keyCredential' } });
    });
    it('request body table with linked types', () => {
      const body = api('application-addkey-localtest.md').requestBody!;
      expect(body.properties.map((p) => [p.name, p.type.kind, p.type.name])).to.deep.equal([
        ['keyCredential', 'named', 'keyCredential'], ['passwordCredential', 'named', 'passwordCredential'], ['proof', 'primitive', 'Edm.String'],
      ]);
      expect(body).to.not.have.property('representationOf');
    });
  });

  describe('seed 002: application-addkey.md', () => {
    it('title differs from the H1 (recorded, not judged)', () => {
      const page = api('application-addkey.md');
      expect(page.title).to.equal('application: addKey');
      expect(page.h1?.text).to.equal('application: addPasswordKey');
    });
    it("response has a keyCredential key, header Content-type, repair 'no blank line before body'", () => {
      const [example] = api('application-addkey.md').examples;
      expect(example.response?.headers.map((h) => [h.name, h.line])).to.deep.equal([['Content-type', 94]]);
      expect(example.response?.repairs).to.deep.equal(['no blank line before body']);
      expect(example.response?.body).to.include({ parse: 'strict', line: 95 });
      expect(Object.keys(example.response?.body?.value as object)).to.deep.equal(['keyCredential']);
      expect(example.response?.body?.pointers?.['/keyCredential/value']).to.equal(100);
    });
    it('request example keys: /keyCredential/endDate at line 73', () => {
      const [example] = api('application-addkey.md').examples;
      expect(example.request?.body?.pointers?.['/keyCredential/endDate']).to.equal(73);
      expect(example.request?.version).to.equal('beta');
    });
    it('Name|Type|Description headers; body rows optional from "Optional;"', () => {
      const page = api('application-addkey.md');
      expect(page.requestHeaders.table?.header).to.deep.equal(['name', 'type', 'description']);
      expect(page.requestBody?.properties.map((p) => [p.name, p.type.name, p.required])).to.deep.equal([
        ['displayName', 'Edm.String', false], ['endDateTime', 'Edm.DateTimeOffset', false], ['startDateTime', 'Edm.DateTimeOffset', false],
      ]);
      expect(page.response?.statusCodes).to.deep.equal([200]);
      expect(page.response?.returnType?.name).to.equal('keyCredential');
    });
  });

  describe('resource pages', () => {
    it('sideLoadingKey: entity with key id, JSON representation', () => {
      const page = resource('intune-onboarding-sideloadingkey.md');
      expect(page).to.include({ typeName: 'microsoft.graph.sideLoadingKey', typeKind: 'entity', keyProperty: 'id', propertiesLine: 23 });
      expect(page.properties.map((p) => p.name)).to.deep.equal(['id', 'value', 'displayName', 'description', 'totalActivation', 'lastUpdatedDateTime']);
      expect(page.relationships).to.deep.equal([]);
      expect(page.jsonRepresentation?.pointers?.['/totalActivation']).to.equal(51);
    });
    it('keyCredential and passwordCredential: complex, baseType null', () => {
      for (const [name, type, count] of [['keycredential.md', 'microsoft.graph.keyCredential', 8], ['passwordcredential.md', 'microsoft.graph.passwordCredential', 7]] as const) {
        const page = resource(name);
        expect(page).to.include({ typeName: type, typeKind: 'complex' });
        expect(page).to.not.have.property('baseType');
        expect(page.properties).to.have.length(count);
        expect(page.jsonRepresentation?.parse).to.equal('strict');
      }
      expect(resource('passwordcredential.md').properties.find((p) => p.name === 'hint')?.readOnly).to.equal(true);
    });
  });
});
