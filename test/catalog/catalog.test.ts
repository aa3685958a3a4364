import { expect } from 'chai';
import { buildCatalog, bodyWrapperProperty, lookupType } from '../../src/catalog/index.js';
import { apiPage, named, prim, resourcePage, row, seedPages } from './pages.js';
import { apiPage as parsedApiPage, FENCE, md } from '../parse/helpers.js';

describe('catalog: buildCatalog', () => {
  it('keeps the same operation in two versions as two operations', () => {
    const catalog = buildCatalog(seedPages());
    const addKey = catalog.operations.filter((o) => o.id === 'applications.addKey');
    expect(addKey.map((o) => o.version)).to.deep.equal(['beta', 'localtest']);
    expect(catalog.versions).to.deep.equal(['beta', 'localtest', 'unversioned']);
    expect(catalog.findings.filter((f) => f.ruleId.startsWith('catalog-duplicate'))).to.deep.equal([]);
  });

  it('merges an operation documented twice in one version, with one conflict finding per disagreement', () => {
    const a = 'docs/beta/api/a.md';
    const b = 'docs/beta/api/b.md';
    const pages = [
      resourcePage('docs/beta/resources/thing.md', 'thing', [], { version: 'beta' }),
      resourcePage('docs/beta/resources/other.md', 'other', [], { version: 'beta' }),
      apiPage(b, {
        method: 'POST', path: '/things', version: 'beta', h1: { file: b, line: 1, level: 1, text: 'Create thing' },
        requestBody: { line: 20, none: false, tables: [], prose: '', properties: [row(b, 22, 'size', prim('String')), row(b, 23, 'extra', prim('Boolean'))] },
        response: { line: 30, text: '', statusCodes: [200], returnType: named('other'), collection: false },
      }),
      apiPage(a, {
        method: 'POST', path: '/things/', version: 'beta', h1: { file: a, line: 1, level: 1, text: 'Create thing' },
        requestBody: { line: 20, none: false, tables: [], prose: '', properties: [row(a, 22, 'size', prim('Int32'))] },
        response: { line: 30, text: '', statusCodes: [201], returnType: named('thing'), collection: false },
      }),
    ];
    const catalog = buildCatalog(pages);
    expect(catalog.operations).to.have.length(1);
    const op = catalog.operations[0];
    expect(op.id).to.equal('things.create');
    // a.md sorts first and wins each fact; b.md adds its source and its extra property.
    expect(op.successStatus).to.equal(201);
    expect(op.returnType?.name).to.equal('microsoft.graph.thing');
    expect(op.sources.map((s) => s.file)).to.deep.equal([a, b]);
    expect(op.requestBody?.properties.map((p) => `${p.name}:${p.type.name}`)).to.deep.equal(['size:Edm.Int32', 'extra:Edm.Boolean']);
    const duplicate = catalog.findings.filter((f) => f.ruleId === 'catalog-duplicate-operation');
    expect(duplicate).to.have.length(1);
    expect(duplicate[0].file).to.equal(b);
    expect(duplicate[0].severity).to.equal('info');
    expect(duplicate[0].message).to.include('2 pages');
    const conflicts = catalog.findings.filter((f) => f.ruleId === 'catalog-merge-conflict').map((f) => f.message);
    expect(conflicts).to.have.length(3);
    expect(catalog.findings.filter((f) => f.ruleId === 'catalog-merge-conflict').every((f) => f.severity === 'warning')).to.equal(true);
    expect(conflicts.some((m) => m.includes('success status 200') && m.includes('201'))).to.equal(true);
    expect(conflicts.some((m) => m.includes('return type microsoft.graph.other'))).to.equal(true);
    expect(conflicts.some((m) => m.includes('request property size'))).to.equal(true);
  });

  it('success status: a redirect the page documents as its answer (report pages: `302 Found`), never before a 2xx', () => {
    const file = 'docs/v1.0/api/reportroot-getthingcounts.md';
    const report = (statusCodes: number[], exampleStatus?: number) => apiPage(file, {
      method: 'GET', path: "/reports/getThingCounts(period='{period_value}')", version: 'v1.0',
      response: { line: 30, text: '', statusCodes, returnType: named('report'), collection: false },
      examples: exampleStatus === undefined ? [] : [{ file, line: 40, response: { kind: 'response', file, line: 50, status: exampleStatus, headers: [], fence: 'http', repairs: [] } }],
    });
    const only302 = buildCatalog([report([302])]);
    expect(only302.operations[0]).to.include({ successStatus: 302 });
    expect(only302.operations[0].returnType, 'a redirect has no body').to.equal(undefined);
    expect(only302.findings.map((f) => f.ruleId)).to.not.include('catalog-success-status-missing');
    expect(buildCatalog([report([], 302)]).operations[0].successStatus).to.equal(302);
    expect(buildCatalog([report([302, 200])]).operations[0].successStatus).to.equal(200);
    expect(buildCatalog([report([302], 200)]).operations[0].successStatus).to.equal(200);
    const none = buildCatalog([report([404])]);
    expect(none.operations[0].successStatus).to.equal(200);
    expect(none.findings.filter((f) => f.ruleId === 'catalog-success-status-missing').map((f) => f.line)).to.deep.equal([30]);
  });

  it('success status: a 2xx shown only as the status line of a code block in the Response section is read', () => {
    const page = (response: string) => parsedApiPage(md('# Send command', '', '## HTTP request', FENCE + 'http', 'POST /me/devices/{id}/commands', FENCE, '', '## Response', '', response));
    const shown = buildCatalog([page([FENCE + 'http', 'HTTP/1.1 201 OK', FENCE].join('\n'))]);
    expect(shown.operations[0].successStatus).to.equal(201);
    expect(shown.findings.map((f) => f.ruleId)).to.not.include('catalog-success-status-missing');
    const unsaid = buildCatalog([page('The command is sent to the device.')]);
    expect(unsaid.findings.filter((f) => f.ruleId === 'catalog-success-status-missing').map((f) => f.line)).to.deep.equal([8]);
  });

  it('reports no conflict when duplicate pages agree', () => {
    const pages = ['docs/x1.md', 'docs/x2.md'].map((file) =>
      apiPage(file, { method: 'DELETE', path: '/things/{id}', version: 'beta', response: { line: 9, text: '', statusCodes: [204], collection: false } }),
    );
    const catalog = buildCatalog(pages);
    expect(catalog.operations).to.have.length(1);
    expect(catalog.findings.map((f) => f.ruleId)).to.deep.equal(['catalog-duplicate-operation']);
  });

  it('a GET that returns its parent with an expanded part: the parent (named by the example annotation) is returned, not the part', () => {
    const widgetGet = apiPage('docs/v1.0/api/widget-get.md', {
      method: 'GET', path: '/me/widgets/{id}', version: 'v1.0',
      response: { line: 30, text: '', statusCodes: [200], returnType: named('widget', '../resources/widget.md'), collection: false },
    });
    const expandedPage = (annotationType: string, file = 'docs/v1.0/api/widgettag-get.md') => parsedApiPage(md(
      '# Get a widget tag',
      '## HTTP request',
      `${FENCE}http`, 'GET /me/widgets/{id}?$expand=tags($filter=id eq \'{tag}\')', FENCE,
      '## Response',
      'If successful, this method returns `200 OK`. The body holds an object for the requested widget, expanded with the matching [widgetTag](../resources/widgettag.md) object.',
      '## Example', '### Request', `${FENCE}http`, 'GET https://graph.microsoft.com/v1.0/me/widgets/7?$expand=tags', FENCE,
      '### Response', `<!-- { "blockType": "response", "@odata.type": "${annotationType}" } -->`,
      `${FENCE}http`, 'HTTP/1.1 200 OK', 'Content-type: application/json', '', '{ "id": "7", "tags": [] }', FENCE,
    ), undefined, file);
    const page = expandedPage('microsoft.graph.widget');
    expect(page.response).to.not.have.property('returnType');
    const types = ['widget', 'widgetTag', 'gadget'].map((t) => resourcePage(`docs/v1.0/resources/${t.toLowerCase()}.md`, `microsoft.graph.${t}`, [], { version: 'v1.0' }));
    const catalog = buildCatalog([...types, widgetGet, page]);
    expect(catalog.operations.map((o) => o.returnType?.name)).to.deep.equal(['microsoft.graph.widget']);
    expect(catalog.findings.filter((f) => f.ruleId === 'catalog-merge-conflict')).to.deep.equal([]);
    // Still a conflict when the page's own annotation names another type than the other page returns.
    const other = buildCatalog([...types, widgetGet, expandedPage('microsoft.graph.gadget')]);
    expect(other.findings.filter((f) => f.ruleId === 'catalog-merge-conflict').map((f) => f.message)).to.have.length(1);
    // No annotation names the parent: the page names no returned type, which is no conflict; kept first, it takes the other page's.
    const unannotated = (file?: string) => {
      const p = expandedPage('microsoft.graph.widget', file);
      return { ...p, examples: p.examples.map((e) => ({ ...e, response: e.response && { ...e.response, annotation: undefined } })) };
    };
    for (const page of [unannotated(), unannotated('docs/v1.0/api/a-widgettag-get.md')]) {
      const c = buildCatalog([...types, widgetGet, page]);
      expect(c.findings.filter((f) => f.ruleId === 'catalog-merge-conflict')).to.deep.equal([]);
      expect(c.operations.map((o) => o.returnType?.name)).to.deep.equal(['microsoft.graph.widget']);
    }
  });

  it('groups the Intune generator\'s one-page-per-derived-type duplicates into one info, their disagreements infos too', () => {
    const pages = ['docs/intune-a-create.md', 'docs/intune-b-create.md', 'docs/intune-c-create.md'].map((file, i) =>
      apiPage(file, { method: 'POST', path: '/things', version: 'beta', response: { line: 9, text: '', statusCodes: [i === 0 ? 200 : 202], collection: false } }),
    );
    const catalog = buildCatalog(pages);
    const duplicate = catalog.findings.filter((f) => f.ruleId === 'catalog-duplicate-operation');
    expect(duplicate.map((f) => f.severity)).to.deep.equal(['info']);
    expect(duplicate[0].message, duplicate[0].message).to.include('3 pages').and.include('docs/intune-b-create.md').and.include('docs/intune-c-create.md');
    const conflicts = catalog.findings.filter((f) => f.ruleId === 'catalog-merge-conflict');
    expect(conflicts).to.have.length(2);
    expect(conflicts.every((f) => f.severity === 'info')).to.equal(true);
  });

  it('one hand-written page per derived type (same GET, return types deriving from a common documented base): infos, grouped; other pairs stay warnings', () => {
    const types = [
      resourcePage('docs/v1.0/resources/zone.md', 'microsoft.graph.zone', [], { version: 'v1.0', baseType: 'microsoft.graph.entity' }),
      resourcePage('docs/v1.0/resources/areazone.md', 'microsoft.graph.areaZone', [], { version: 'v1.0', baseType: 'microsoft.graph.Zone' }),
      // The base named only in prose ("Inherits from [zone](zone.md)"), as many pages do.
      resourcePage('docs/v1.0/resources/rangezone.md', 'microsoft.graph.rangeZone', [], { version: 'v1.0', proseBaseType: 'zone' }),
      resourcePage('docs/v1.0/resources/gadget.md', 'microsoft.graph.gadget', [], { version: 'v1.0', baseType: 'microsoft.graph.entity' }),
      resourcePage('docs/v1.0/resources/entity.md', 'microsoft.graph.entity', [], { version: 'v1.0' }),
    ];
    const get = (file: string, type: string, status = 200) => apiPage(file, {
      method: 'GET', path: '/policies/zones/{id}', version: 'v1.0',
      response: { line: 30, text: '', statusCodes: [status], returnType: named(type), collection: false },
    });
    // The base's page and a page per subtype (a subtype of the base, and two siblings): one info each.
    const family = buildCatalog([...types, get('docs/v1.0/api/areazone-get.md', 'areaZone'), get('docs/v1.0/api/rangezone-get.md', 'rangeZone'), get('docs/v1.0/api/zone-get.md', 'zone')]);
    expect(family.operations).to.have.length(1);
    expect(family.findings.filter((f) => f.ruleId === 'catalog-duplicate-operation').map((f) => [f.severity, f.message.includes('3 pages')])).to.deep.equal([['info', true]]);
    const conflicts = family.findings.filter((f) => f.ruleId === 'catalog-merge-conflict');
    expect(conflicts.map((f) => [f.file, f.severity])).to.deep.equal([['docs/v1.0/api/rangezone-get.md', 'info'], ['docs/v1.0/api/zone-get.md', 'info']]);
    expect(conflicts[0].message).to.include('one page per derived type');
    // Not that pattern: types related only through entity, or a status that differs, stay warnings.
    const unrelated = buildCatalog([...types, get('docs/v1.0/api/areazone-get.md', 'areaZone'), get('docs/v1.0/api/gadget-get.md', 'gadget')]);
    expect(unrelated.findings.filter((f) => f.ruleId === 'catalog-merge-conflict').map((f) => f.severity)).to.deep.equal(['warning']);
    const status = buildCatalog([...types, get('docs/v1.0/api/areazone-get.md', 'areaZone'), get('docs/v1.0/api/zone-get.md', 'zone', 201)]);
    expect(status.findings.filter((f) => f.ruleId === 'catalog-merge-conflict').map((f) => [f.severity, f.message.includes('success status')])).to.have.deep.members([['warning', true], ['info', false]]);
  });

  it('resolves a broken type link by name (seed 000: intune_onboarding_sideloadingkey.md)', () => {
    const catalog = buildCatalog(seedPages());
    const create = catalog.operations.find((o) => o.id === 'deviceAppManagement.sideLoadingKeys.create');
    expect(create?.returnType?.link).to.equal('../resources/intune_onboarding_sideloadingkey.md');
    expect(create?.returnType?.name).to.equal('microsoft.graph.sideLoadingKey');
    expect(create?.successStatus).to.equal(201);
    expect(catalog.findings.filter((f) => f.ruleId === 'catalog-unresolved-type')).to.deep.equal([]);
  });

  it('resolves by link target before name, and sees unversioned types from every version', () => {
    const pages = [
      resourcePage('docs/resources/cred-page.md', 'microsoft.graph.credentialA', []),
      apiPage('docs/api/op.md', {
        version: 'v1.0', path: '/things/{id}',
        response: { line: 5, text: '', statusCodes: [200], returnType: named('somethingElse', '../resources/Cred-Page.md'), collection: false },
      }),
    ];
    const catalog = buildCatalog(pages);
    expect(catalog.operations[0].returnType?.name).to.equal('microsoft.graph.credentialA');
    expect(lookupType(catalog.types, 'v1.0', 'microsoft.graph.credentialA')?.version).to.equal('unversioned');
  });

  it('reports a type no page defines, at the row that names it', () => {
    const file = 'docs/api/op.md';
    const pages = [
      apiPage(file, {
        method: 'POST', path: '/things', version: 'beta',
        requestBody: { line: 20, none: false, tables: [], prose: '', properties: [row(file, 22, 'widget', named('widgetThing', '../resources/widgetthing.md'))] },
      }),
    ];
    const catalog = buildCatalog(pages);
    const unresolved = catalog.findings.filter((f) => f.ruleId === 'catalog-unresolved-type');
    expect(unresolved).to.have.length(1);
    expect(unresolved[0]).to.include({ file, line: 22 });
    expect(unresolved[0].message).to.contain('widgetThing');
  });

  it('reports a Type cell that names no type (empty or free text) at its row, and nothing for readable ones', () => {
    const file = 'docs/api/op.md';
    const unknown = (raw: string) => ({ raw, kind: 'unknown' as const, name: raw, collection: false });
    const pages = [
      apiPage(file, {
        method: 'POST', path: '/things', version: 'beta',
        requestBody: {
          line: 20, none: false, tables: [], prose: '',
          properties: [row(file, 22, 'size', prim('Int32')), row(file, 23, 'mixed', unknown('string/number')), row(file, 24, 'Valid values 0 to 9', unknown(''))],
        },
      }),
    ];
    const unreadable = buildCatalog(pages).findings.filter((f) => f.ruleId === 'catalog-unreadable-type');
    expect(unreadable.map((f) => [f.line, f.severity])).to.deep.equal([[23, 'info'], [24, 'info']]);
    expect(unreadable[0].message).to.contain('property mixed: type "string/number" is not an Edm type');
    expect(unreadable[1].message).to.contain('the Type cell is empty');
  });

  it('models a body wrapped in one key (seed 002) and only that phrasing', () => {
    expect(bodyWrapperProperty('In the request body, provide an optional `keyCredential` property as a JSON object with the following parameters.')).to.equal('keyCredential');
    expect(bodyWrapperProperty('In the request body, provide an optional `passwordCredential` object with the following properties.')).to.equal('passwordCredential');
    expect(bodyWrapperProperty('In the request body, provide a JSON object with the following parameters.')).to.equal(undefined);
    // The wrapper named through a link, as today's pages do.
    expect(bodyWrapperProperty('In the request body, provide an empty [passwordCredential](../resources/passwordcredential.md) object or with the following optional properties.')).to.equal('passwordCredential');
    expect(bodyWrapperProperty('In the request body, provide a [keyCredential](../resources/keycredential.md)\nobject with the following properties.')).to.equal('keyCredential');
    expect(bodyWrapperProperty('In the request body, provide the following [keyCredential](../resources/keycredential.md) properties.')).to.equal(undefined);
    expect(bodyWrapperProperty('In the request body, supply JSON representation of the parameters.')).to.equal(undefined);
    const catalog = buildCatalog(seedPages());
    const beta = catalog.operations.find((o) => o.id === 'applications.addKey' && o.version === 'beta');
    const local = catalog.operations.find((o) => o.id === 'applications.addKey' && o.version === 'localtest');
    expect(beta?.requestBody?.wrapperProperty).to.equal('keyCredential');
    expect(local?.requestBody?.wrapperProperty).to.equal(undefined);
  });

  it('falls back to the examples, then to 200 with a finding, for the success status', () => {
    const withExample = apiPage('docs/a.md', {
      version: 'beta',
      examples: [{ file: 'docs/a.md', line: 40, response: { kind: 'response', file: 'docs/a.md', line: 41, status: 202, headers: [], fence: 'http', repairs: [] } }],
    });
    const bare = apiPage('docs/b.md', { version: 'beta', path: '/others' });
    const catalog = buildCatalog([withExample, bare]);
    expect(catalog.operations.map((o) => o.successStatus)).to.deep.equal([200, 202]);
    expect(catalog.findings.filter((f) => f.ruleId === 'catalog-success-status-missing').map((f) => f.file)).to.deep.equal(['docs/b.md']);
  });

  it('is independent of page order', () => {
    const pages = seedPages();
    const forward = buildCatalog(pages);
    const backward = buildCatalog([...pages].reverse());
    expect(JSON.stringify(backward.operations)).to.equal(JSON.stringify(forward.operations));
    expect([...backward.types.keys()]).to.deep.equal([...forward.types.keys()]);
  });
});

describe('catalog: names that differ only in case', () => {
  it('are one type (reported) and one operation (merged)', () => {
    const pages = [
      resourcePage('docs/beta/resources/a.md', 'widget', [], { version: 'beta' }),
      resourcePage('docs/beta/resources/b.md', 'Widget', [], { version: 'beta' }),
      apiPage('docs/beta/api/c.md', { version: 'beta', path: '/me/events' }),
      apiPage('docs/beta/api/d.md', { version: 'beta', path: '/me/Events' }),
    ];
    const catalog = buildCatalog(pages);
    expect([...catalog.types.keys()]).to.deep.equal(['beta:microsoft.graph.widget']);
    expect(catalog.findings.filter((f) => f.ruleId === 'catalog-duplicate-type').map((f) => f.file)).to.deep.equal(['docs/beta/resources/b.md']);
    expect(catalog.operations.map((o) => o.id)).to.deep.equal(['me.events.get']);
  });
});

describe('catalog: a type defined by several pages', () => {
  const userRows = (file: string, names: string[]) => names.map((n, i) => row(file, 20 + i, n, prim('String')));

  it('keeps the page whose file name is the type name, whatever comes first (corpus: intune-shared-user.md vs user.md)', () => {
    const shared = 'docs/beta/resources/intune-shared-user.md';
    const user = 'docs/beta/resources/user.md';
    const pages = [
      resourcePage(shared, 'microsoft.graph.user', userRows(shared, ['id', 'a', 'b', 'c']), { version: 'beta' }),
      resourcePage(user, 'microsoft.graph.user', userRows(user, ['id', 'displayName']), { version: 'beta' }),
    ];
    for (const order of [pages, [...pages].reverse()]) {
      const catalog = buildCatalog(order);
      const def = lookupType(catalog.types, 'beta', 'microsoft.graph.user');
      expect(def?.source.file).to.equal(user);
      expect(def?.properties.map((p) => p.name)).to.deep.equal(['id', 'displayName']);
      const dup = catalog.findings.filter((f) => f.ruleId === 'catalog-duplicate-type');
      expect(dup.map((f) => f.file)).to.deep.equal([shared]);
      expect(dup[0].message).to.contain(user);
    }
  });

  it('else keeps the page with the most properties, and links to either page resolve to the kept type', () => {
    const a = 'docs/beta/resources/a-thing.md';
    const b = 'docs/beta/resources/b-thing.md';
    const pages = [
      resourcePage(a, 'microsoft.graph.widget', userRows(a, ['id']), { version: 'beta' }),
      resourcePage(b, 'microsoft.graph.widget', userRows(b, ['id', 'size', 'color']), { version: 'beta' }),
      apiPage('docs/beta/api/op.md', {
        version: 'beta', path: '/widgets/{id}',
        response: { line: 5, text: '', statusCodes: [200], returnType: named('gadget', '../resources/a-thing.md'), collection: false },
      }),
    ];
    const catalog = buildCatalog(pages);
    expect(lookupType(catalog.types, 'beta', 'microsoft.graph.widget')?.source.file).to.equal(b);
    expect(catalog.findings.filter((f) => f.ruleId === 'catalog-duplicate-type').map((f) => f.file)).to.deep.equal([a]);
    expect(catalog.operations[0].returnType?.name).to.equal('microsoft.graph.widget');
  });
});

describe('catalog: type links with an anchor', () => {
  const PERM = 'docs/v1.0/resources/calendarpermission.md';
  const UPDATE = 'docs/v1.0/api/calendarpermission-update.md';
  const update = (link: string, name = 'calendarRoleType') => apiPage(UPDATE, {
    method: 'PATCH', path: '/me/calendar/calendarPermissions/{id}', version: 'v1.0',
    requestBody: { line: 20, none: false, tables: [], prose: '', properties: [row(UPDATE, 22, 'role', named(name, link))] },
  });
  const permPage = () => resourcePage(PERM, 'microsoft.graph.calendarPermission', [row(PERM, 20, 'id', prim('String'))], { version: 'v1.0', typeKind: 'entity' });

  it('resolves `page.md#xxx-values` to the enum the anchor names, not to the page type', () => {
    const enumFile = 'docs/v1.0/resources/calendarroletype.md';
    const pages = [
      permPage(),
      resourcePage(enumFile, 'calendarRoleType', [], { version: 'v1.0', typeKind: 'enum', enumMembers: [{ name: 'read', description: '', line: 9 }] }),
      update('../resources/calendarpermission.md#calendarroletype-values', 'role type'),
    ];
    const catalog = buildCatalog(pages);
    const role = catalog.operations[0].requestBody?.properties[0];
    expect(role?.type.name).to.equal('microsoft.graph.calendarRoleType');
  });

  it('falls back to the link text, and reports it when no page defines that enum', () => {
    const catalog = buildCatalog([permPage(), update('../resources/calendarpermission.md#calendarroletype-values')]);
    const role = catalog.operations[0].requestBody?.properties[0];
    expect(role?.type.name).to.equal('calendarRoleType');
    const unresolved = catalog.findings.filter((f) => f.ruleId === 'catalog-unresolved-type');
    expect(unresolved.map((f) => `${f.file}:${f.line}`)).to.deep.equal([`${UPDATE}:22`]);
  });

  it('an enum documented as a section of a page (`### calendarRoleType values`) is an enum type the anchor resolves to', () => {
    const withSection = resourcePage(PERM, 'microsoft.graph.calendarPermission', [row(PERM, 20, 'id', prim('String'))], {
      version: 'v1.0', typeKind: 'entity',
      enumSections: [{ file: PERM, line: 30, name: 'calendarRoleType', members: [{ name: 'read', description: '', line: 34 }, { name: 'write', description: '', line: 35 }] }],
    });
    const catalog = buildCatalog([withSection, update('../resources/calendarpermission.md#calendarroletype-values')]);
    expect(catalog.operations[0].requestBody?.properties[0].type.name).to.equal('microsoft.graph.calendarRoleType');
    const def = lookupType(catalog.types, 'v1.0', 'microsoft.graph.calendarRoleType');
    expect(def).to.deep.include({ kind: 'enum', members: ['read', 'write'], source: { file: PERM, line: 30 } });
    expect(catalog.findings.filter((f) => f.ruleId === 'catalog-unresolved-type')).to.deep.equal([]);
    // The page still names its own type: a link without an anchor resolves to it.
    expect(buildCatalog([withSection, update('../resources/calendarpermission.md', 'calendarPermission')]).operations[0].requestBody?.properties[0].type.name)
      .to.equal('microsoft.graph.calendarPermission');
    // A link to the page under the enum's name resolves to the enum of the page's section.
    expect(buildCatalog([withSection, update('../resources/calendarpermission.md')]).operations[0].requestBody?.properties[0].type.name)
      .to.equal('microsoft.graph.calendarRoleType');
  });

  it('enums.md sections: types in the page namespace, resolved by name; a type with its own page keeps it; no untyped-page finding', () => {
    const ENUMS = 'docs/v1.0/resources/enums.md';
    const CALLS = 'docs/v1.0/resources/enums-callrecords.md';
    const OWN = 'docs/v1.0/resources/risklevel.md';
    const section = (file: string, line: number, name: string, members: string[]) => ({ file, line, name, members: members.map((m, i) => ({ name: m, description: '', line: line + 3 + i })) });
    const pages = [
      resourcePage(ENUMS, '', [], { version: 'v1.0', typeKind: 'unknown', enumSections: [section(ENUMS, 10, 'importance', ['low', 'high']), section(ENUMS, 20, 'riskLevel', ['low'])] }),
      resourcePage(CALLS, '', [], { version: 'v1.0', typeKind: 'unknown', namespace: 'microsoft.graph.callRecords', enumSections: [section(CALLS, 10, 'callType', ['groupCall'])] }),
      resourcePage(OWN, 'riskLevel', [], { version: 'v1.0', typeKind: 'enum', enumMembers: [{ name: 'low', description: '', line: 9 }, { name: 'medium', description: '', line: 10 }] }),
      apiPage('docs/v1.0/api/message-update.md', { method: 'PATCH', path: '/me/messages/{id}', version: 'v1.0', requestBody: { line: 20, none: false, tables: [], prose: '', properties: [
        row('docs/v1.0/api/message-update.md', 22, 'importance', named('importance')),
        row('docs/v1.0/api/message-update.md', 23, 'risk', named('riskLevel')),
      ] } }),
    ];
    for (const p of pages.slice(0, 2)) delete (p as { typeName?: string }).typeName;
    const catalog = buildCatalog(pages);
    expect(lookupType(catalog.types, 'v1.0', 'microsoft.graph.importance')).to.deep.include({ kind: 'enum', members: ['low', 'high'] });
    expect(lookupType(catalog.types, 'v1.0', 'microsoft.graph.callRecords.callType')).to.deep.include({ kind: 'enum', members: ['groupCall'] });
    expect(lookupType(catalog.types, 'v1.0', 'microsoft.graph.riskLevel')).to.deep.include({ members: ['low', 'medium'], source: { file: OWN, line: 3 } });
    expect(catalog.operations[0].requestBody?.properties.map((p) => p.type.name)).to.deep.equal(['microsoft.graph.importance', 'microsoft.graph.riskLevel']);
    expect(catalog.findings.map((f) => f.ruleId)).to.not.include.members(['catalog-untyped-resource', 'catalog-duplicate-type', 'catalog-unresolved-type']);
  });

  it('still resolves a link to a section of the page (`#properties`) to the page type', () => {
    const catalog = buildCatalog([permPage(), update('../resources/calendarpermission.md#properties', 'permission')]);
    expect(catalog.operations[0].requestBody?.properties[0].type.name).to.equal('microsoft.graph.calendarPermission');
  });
});
