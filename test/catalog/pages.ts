/** Hand-built ParsedPage fixtures (shapes of src/model/page.ts), so catalog/schema tests do not depend on the parser. */
import type { ApiPage, PropertyRow, ResourcePage, TypeRef } from '../../src/model/page.js';

export function prim(name: string, collection = false): TypeRef {
  return { raw: name, kind: 'primitive', name: name.startsWith('Edm.') ? name : `Edm.${name}`, collection };
}

export function named(name: string, link?: string, collection = false): TypeRef {
  const ref: TypeRef = { raw: link ? `[${name}](${link})` : name, kind: 'named', name, collection };
  if (link) ref.link = link;
  return ref;
}

export function row(file: string, line: number, name: string, type: TypeRef, extra: Partial<PropertyRow> = {}): PropertyRow {
  return { file, line, name, type, description: '', ...extra };
}

export function apiPage(file: string, over: Omit<Partial<ApiPage>, 'version'> & { method?: string; path?: string; version?: string }): ApiPage {
  const { method = 'GET', path = '/things', version, ...rest } = over;
  const page: ApiPage = {
    kind: 'api',
    file,
    frontMatter: {},
    headings: [],
    links: [],
    findings: [],
    permissions: [],
    httpRequests: [{ file, line: 10, method, path }],
    requestHeaders: { line: 12 },
    examples: [],
    h1: { file, line: 1, level: 1, text: 'Things' },
    ...rest,
  };
  if (version) page.version = { value: version, source: 'folder', line: 1 };
  return page;
}

export function resourcePage(file: string, typeName: string, properties: PropertyRow[], over: Omit<Partial<ResourcePage>, 'version'> & { version?: string } = {}): ResourcePage {
  const { version, ...rest } = over;
  const page: ResourcePage = {
    kind: 'resource',
    file,
    frontMatter: {},
    headings: [],
    links: [],
    findings: [],
    typeName,
    typeKind: 'complex',
    properties,
    relationships: [],
    h1: { file, line: 3, level: 1, text: `${typeName} resource type` },
    ...rest,
  };
  if (version) page.version = { value: version, source: 'folder', line: 1 };
  return page;
}

const KEY = 'apidocs/resources/keycredential.md';
const PWD = 'apidocs/resources/passwordcredential.md';
const SLK = 'apidocs/resources/intune-onboarding-sideloadingkey.md';
const CREATE = 'apidocs/api/intune-onboarding-sideloadingkey-create.md';
const ADDKEY_LOCAL = 'apidocs/api/application-addkey-localtest.md';
const ADDKEY_BETA = 'apidocs/api/application-addkey.md';

/** The seed docs of apidocs/, as the parser would see them (with their defects). */
export function seedPages(): Array<ApiPage | ResourcePage> {
  return [
    resourcePage(KEY, 'microsoft.graph.keyCredential', [
      row(KEY, 21, 'customKeyIdentifier', prim('Binary')),
      row(KEY, 22, 'displayName', prim('String')),
      row(KEY, 23, 'endDateTime', prim('DateTimeOffset')),
      row(KEY, 24, 'key', prim('Binary')),
      row(KEY, 25, 'keyId', prim('Guid')),
      row(KEY, 26, 'startDateTime', prim('DateTimeOffset')),
      row(KEY, 27, 'type', prim('String')),
      row(KEY, 28, 'usage', prim('String')),
    ]),
    resourcePage(PWD, 'microsoft.graph.passwordCredential', [
      row(PWD, 21, 'customKeyIdentifier', prim('Binary')),
      row(PWD, 22, 'displayName', prim('String')),
      row(PWD, 23, 'endDateTime', prim('DateTimeOffset')),
      row(PWD, 24, 'hint', prim('String'), { readOnly: true }),
      row(PWD, 25, 'keyId', prim('Guid')),
      row(PWD, 26, 'secretText', prim('String')),
      row(PWD, 27, 'startDateTime', prim('DateTimeOffset')),
    ]),
    resourcePage(SLK, 'microsoft.graph.sideLoadingKey', [
      row(SLK, 26, 'id', prim('String')),
      row(SLK, 27, 'value', prim('String')),
      row(SLK, 28, 'displayName', prim('String')),
      row(SLK, 29, 'description', prim('String')),
      row(SLK, 30, 'totalActivation', prim('Int32')),
      row(SLK, 31, 'lastUpdatedDateTime', prim('String')),
    ], { typeKind: 'entity', keyProperty: 'id' }),
    apiPage(CREATE, {
      method: 'POST',
      path: '/deviceAppManagement/sideLoadingKeys/',
      version: 'beta',
      h1: { file: CREATE, line: 1, level: 1, text: 'Create sideLoadingKey' },
      requestBody: {
        line: 25,
        none: false,
        tables: [],
        prose: 'In the request body, supply a JSON representation of a sideLoadingKey object.',
        properties: [
          row(CREATE, 31, 'id', prim('String')),
          row(CREATE, 32, 'value', prim('String')),
          row(CREATE, 33, 'displayName', prim('String')),
          row(CREATE, 34, 'description', prim('String')),
          row(CREATE, 35, 'totalActivation', prim('Int32')),
          row(CREATE, 36, 'lastUpdatedDateTime', prim('String')),
        ],
      },
      // The seed's broken link: the file is intune-onboarding-sideloadingkey.md.
      response: { line: 40, text: '', statusCodes: [201], returnType: named('sideLoadingKey', '../resources/intune_onboarding_sideloadingkey.md'), collection: false },
    }),
    apiPage(ADDKEY_LOCAL, {
      method: 'POST',
      path: '/applications/{applicationsId}/addKey',
      version: 'localtest',
      h1: { file: ADDKEY_LOCAL, line: 10, level: 1, text: 'addKey' },
      requestBody: {
        line: 40,
        none: false,
        tables: [],
        prose: 'In the request body, supply JSON representation of the parameters.',
        properties: [
          row(ADDKEY_LOCAL, 47, 'keyCredential', named('keyCredential', '../resources/keycredential.md')),
          row(ADDKEY_LOCAL, 48, 'passwordCredential', named('passwordCredential', '../resources/passwordcredential.md')),
          row(ADDKEY_LOCAL, 49, 'proof', prim('String')),
        ],
      },
      response: { line: 53, text: '', statusCodes: [200], returnType: named('keyCredential', '../resources/keycredential.md'), collection: false },
    }),
    apiPage(ADDKEY_BETA, {
      method: 'POST',
      path: '/applications/{id}/addKey',
      version: 'beta',
      h1: { file: ADDKEY_BETA, line: 10, level: 1, text: 'application: addPasswordKey' },
      requestBody: {
        line: 40,
        none: false,
        tables: [],
        prose: 'In the request body, provide an optional `keyCredential` property as a JSON object with the following parameters.',
        properties: [
          row(ADDKEY_BETA, 46, 'displayName', prim('String')),
          row(ADDKEY_BETA, 47, 'endDateTime', prim('DateTimeOffset')),
          row(ADDKEY_BETA, 48, 'startDateTime', prim('DateTimeOffset')),
        ],
      },
      response: { line: 50, text: '', statusCodes: [200], returnType: named('keyCredential', '../resources/keycredential.md'), collection: false },
    }),
  ];
}
