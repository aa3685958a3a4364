import { expect } from 'chai';
import { splitScopes } from '../../src/parse/permissions.js';
import { FileIndex } from '../../src/parse/index.js';
import { sectionKind } from '../../src/parse/sections.js';
import { apiPage, FENCE, md } from './helpers.js';

describe('parse: API page sections', () => {
  describe('section synonyms', () => {
    const cases: Array<[string, string]> = [
      ['HTTP request', 'httpRequest'], ['HTTP Request', 'httpRequest'], ['Permissions', 'permissions'], ['Prerequisites', 'permissions'],
      ['Request headers', 'requestHeaders'], ['Request body', 'requestBody'], ['Response', 'response'], ['Example', 'examples'],
      ['Examples', 'examples'], ['Example 1: Create a user', 'examples'], ['Properties', 'properties'], ['Relationships', 'relationships'],
      ['JSON representation', 'jsonRepresentation'], ['JSON Representation', 'jsonRepresentation'], ['Members', 'members'],
      ['Function parameters', 'functionParameters'], ['Path parameters', 'pathParameters'], ['Optional query parameters', 'queryParameters'],
      ['Error responses', 'errorResponses'], ['See also', 'other'],
    ];
    for (const [title, kind] of cases) it(`${title} → ${kind}`, () => expect(sectionKind(title)).to.equal(kind));
  });

  describe('headings', () => {
    it('one H1; tab headings are not H1s nor headings', () => {
      const page = apiPage(md('# Get user', '', '## Examples', '# [HTTP](#tab/http)', '### Request', '# [C#](#tab/csharp)'));
      expect(page.h1).to.include({ text: 'Get user', line: 1, level: 1 });
      expect(page.headings.map((h) => [h.level, h.text, h.line])).to.deep.equal([[2, 'Examples', 3], [3, 'Request', 5]]);
      expect(page.findings.filter((f) => f.ruleId === 'parse-several-h1')).to.deep.equal([]);
    });
    it('a second real H1 is noted', () => {
      const page = apiPage(md('# One', '# Two'));
      expect(page.h1?.text).to.equal('One');
      expect(page.findings.map((f) => f.ruleId)).to.include('parse-several-h1');
    });
  });

  describe('front matter', () => {
    it('title and description, line 1', () => {
      const page = apiPage(md('---', 'title: "Get user"', 'description: Read a user.', 'ms.prod: microsoft-identity-platform', '---', '', '# Get user'));
      expect(page).to.include({ title: 'Get user', description: 'Read a user.', frontMatterLine: 1 });
      expect(page.h1?.line).to.equal(7);
    });
    it('no front matter: frontMatterLine undefined, empty object', () => {
      const page = apiPage(md('# Get user'));
      expect(page.frontMatter).to.deep.equal({});
      expect(page).to.not.have.property('frontMatterLine');
    });
    it('invalid YAML is a finding naming the line, the page still parses', () => {
      const page = apiPage(md('---', 'title: "unclosed', 'author: [x', '---', '# Get user'));
      expect(page.findings.some((f) => f.ruleId === 'parse-front-matter-invalid')).to.equal(true);
      expect(page.h1?.text).to.equal('Get user');
    });
    it('non-trivial YAML goes through the yaml package', () => {
      const page = apiPage(md('---', 'title: Get user', 'keywords:', '  - a', '  - b', 'count: 3', '---', '# Get user'));
      expect(page.frontMatter).to.deep.equal({ title: 'Get user', keywords: ['a', 'b'], count: 3 });
    });
  });

  describe('permissions', () => {
    it('2-column table, least to most privileged', () => {
      const page = apiPage(md('# T', '## Permissions', '|Permission type|Permissions (from least to most privileged)|', '|:--|:--|',
        '|Delegated (work or school account)|User.Read, User.ReadWrite.All|', '|Delegated (personal Microsoft account)|Not supported.|', '|Application|User.Read.All|'));
      expect(page.permissionsLine).to.equal(2);
      expect(page.permissions.map((p) => [p.type, p.scopes, p.line])).to.deep.equal([
        ['Delegated (work or school account)', ['User.Read', 'User.ReadWrite.All'], 5],
        ['Delegated (personal Microsoft account)', [], 6],
        ['Application', ['User.Read.All'], 7],
      ]);
    });
    it('3-column table, type in the second column', () => {
      const page = apiPage(md('# T', '## Permissions', '|Least privileged|Permission type|Higher privileged|', '|--|--|--|', '|Mail.Read|Application|Mail.ReadWrite|'));
      expect(page.permissions[0]).to.include({ type: 'Application' });
      expect(page.permissions[0].scopes).to.deep.equal(['Mail.Read', 'Mail.ReadWrite']);
    });
    it('old prose form under Prerequisites', () => {
      const page = apiPage(md('# T', '## Prerequisites', 'One of the following **scopes** is required:', '', '*A.Read.All; B.ReadWrite.All*'));
      expect(page.permissions).to.have.length(1);
      expect(page.permissions[0]).to.include({ type: 'Scopes', line: 5 });
      expect(page.permissions[0].scopes).to.deep.equal(['A.Read.All', 'B.ReadWrite.All']);
    });
    describe("today's format: a permissions annotation and an include of the generated table", () => {
      const PAGE = 'docs/v1.0/api/gadget-create.md';
      const INCLUDE = 'docs/v1.0/includes/permissions/gadget-create-permissions.md';
      const todays = md('# Create gadget', '## Permissions', 'Choose the least privileged permission.', '',
        '<!-- {', '  "blockType": "permissions",', '  "name": "gadget_create"', '} -->', '[!INCLUDE [permissions-table](../includes/permissions/gadget-create-permissions.md)]', '',
        '## HTTP request', '```http', 'POST /gadgets', '```');
      const table = md('---', 'ms.topic: include', '---', '', '|Permission type|Least privileged permissions|Higher privileged permissions|', '|:---|:---|:---|',
        '|Delegated (work or school account)|Gadget.ReadWrite|Gadget.ReadWrite.All|', '|Delegated (personal Microsoft account)|Not supported.|Not supported.|', '|Application|Gadget.ReadWrite.All|Not available.|');

      it('reads the include when the docs tree has it: its rows, at their lines in the include file', () => {
        const index = new FileIndex([PAGE, INCLUDE]);
        index.addInclude(INCLUDE, table);
        const page = apiPage(todays, index, PAGE);
        expect(page.permissionsInclude).to.deep.equal({ line: 5, name: 'gadget_create', target: '../includes/permissions/gadget-create-permissions.md', resolved: INCLUDE, read: true });
        expect(page.permissions.map((p) => [p.type, p.scopes, p.file, p.line])).to.deep.equal([
          ['Delegated (work or school account)', ['Gadget.ReadWrite', 'Gadget.ReadWrite.All'], INCLUDE, 7],
          ['Delegated (personal Microsoft account)', [], INCLUDE, 8],
          ['Application', ['Gadget.ReadWrite.All'], INCLUDE, 9],
        ]);
      });

      it('without the include file: the page is known to document its permissions elsewhere', () => {
        const page = apiPage(todays, new FileIndex([PAGE]), PAGE);
        expect(page.permissionsInclude).to.deep.include({ line: 5, name: 'gadget_create', read: false });
        expect(page.permissions).to.deep.equal([]);
        expect(page.permissionsLine).to.equal(2);
      });

      it('an include with no Permissions heading still counts; other includes do not', () => {
        const bare = apiPage(md('# T', '[!INCLUDE [permissions-table](../includes/permissions/t-permissions.md)]', '## HTTP request', '```http', 'GET /t', '```'));
        expect(bare.permissionsInclude).to.deep.include({ line: 2, target: '../includes/permissions/t-permissions.md', read: false });
        expect(bare.permissionsLine).to.equal(2);
        const other = apiPage(md('# T', '## Permissions', '[!INCLUDE [sdk-documentation](../includes/snippets/sdk.md)]', '<!-- { "blockType": "ignored" } -->'));
        expect(other.permissionsInclude).to.equal(undefined);
      });
    });

    it('TODO placeholders are kept as written', () => {
      expect(splitScopes('**TODO: Determine scopes **')).to.deep.equal(['TODO: Determine scopes']);
    });
    it('emphasised prose that is not a scope list is ignored', () => {
      const page = apiPage(md('# T', '## Permissions', '*Note: this is important*'));
      expect(page.permissions).to.deep.equal([]);
    });
  });

  describe('HTTP request paths', () => {
    it('every METHOD path line, any fence, with lines', () => {
      const page = apiPage(md('# T', '## HTTP request', FENCE + 'http', 'GET /users/{id | userPrincipalName}', 'GET /me/drive/root:/{item-path}:/content', FENCE, '',
        FENCE, "GET /reports/getTeamsUserActivityCounts(period='{period_value}')?$format=text/csv", 'DELETE /groups/{id}/members/{id}/$ref', FENCE,
        '', '    PATCH users/{id}/', '', 'POST https://graph.microsoft.com/v1.0/me/sendMail'));
      expect(page.httpRequests.map((p) => [p.method, p.path, p.line])).to.deep.equal([
        ['GET', '/users/{id | userPrincipalName}', 4],
        ['GET', '/me/drive/root:/{item-path}:/content', 5],
        ['GET', "/reports/getTeamsUserActivityCounts(period='{period_value}')?$format=text/csv", 9],
        ['DELETE', '/groups/{id}/members/{id}/$ref', 10],
        ['PATCH', 'users/{id}/', 13],
        ['POST', 'https://graph.microsoft.com/v1.0/me/sendMail', 15],
      ]);
    });
    it('prose starting with a method word is not a path', () => {
      const page = apiPage(md('# T', '## HTTP request', 'Get the user by id.', 'GET /users/{id}'));
      expect(page.httpRequests.map((p) => p.path)).to.deep.equal(['/users/{id}']);
    });
    it('a missing space after the method is accepted', () => {
      const page = apiPage(md('# T', '## HTTP request', FENCE, 'DELETE/identity/b2xUserFlows/{id}', FENCE));
      expect(page.httpRequests[0]).to.include({ method: 'DELETE', path: '/identity/b2xUserFlows/{id}' });
    });
    it('without an HTTP request section, relative paths outside the examples are used', () => {
      const page = apiPage(md('# T', '## Permissions', '|Permission type|Permissions|', '|--|--|', '|Application|X.Read|', '', FENCE, 'POST /chats/{id}/members', FENCE,
        '## Examples', FENCE + 'http', 'POST https://graph.microsoft.com/v1.0/chats/1/members', FENCE));
      expect(page.httpRequests.map((p) => p.path)).to.deep.equal(['/chats/{id}/members']);
    });
  });

  describe('request headers', () => {
    for (const header of ['|Header|Value|', '|Name|Description|', '|Name|Type|Description|']) {
      it(`${header} table`, () => {
        const cols = header.split('|').length - 2;
        const page = apiPage(md('# T', '## Request headers', header, '|' + '--|'.repeat(cols), `|Authorization|${'Bearer &lt;token&gt;. Required.|'.repeat(cols - 1)}`));
        expect(page.requestHeaders.line).to.equal(2);
        expect(page.requestHeaders.table?.rows[0].cells[0]).to.equal('Authorization');
        expect(page.requestHeaders.table?.rows[0].cells[1]).to.equal('Bearer <token>. Required.');
      });
    }
    it('no section: line 0 and no table', () => {
      expect(apiPage(md('# T')).requestHeaders).to.deep.equal({ line: 0 });
    });
  });

  describe('request body', () => {
    it('property rows: names stripped, types, required/read-only/nullable', () => {
      const page = apiPage(md('# T', '## Request body', '|Parameter|Type|Required?|Description|', '|--|--|--|--|',
        '|`displayName`|String|Yes|The name. Nullable.|', '|**size**|Int64|No|Read-only. Not nullable.|', '|[owner](x.md)|[user](user.md)||Optional. The owner.|'));
      const [a, b, c] = page.requestBody!.properties;
      expect(a).to.include({ name: 'displayName', required: true, nullable: true, line: 5 });
      expect(a.type.name).to.equal('Edm.String');
      expect(b).to.include({ name: 'size', required: false, readOnly: true, nullable: false });
      expect(c).to.include({ name: 'owner', required: false });
      expect(c.type).to.include({ kind: 'named', name: 'user' });
      expect(page.requestBody!.none).to.equal(false);
    });
    for (const header of ['Property|Type|Description', 'Name|Type|Description', 'Property name|Type|Description', 'Name|Value|Description']) {
      it(`header variant ${header}`, () => {
        const page = apiPage(md('# T', '## Request body', `|${header}|`, '|--|--|--|', '|mode|String|The mode.|'));
        expect(page.requestBody!.properties.map((p) => [p.name, p.type.name, p.description])).to.deep.equal([['mode', 'Edm.String', 'The mode.']]);
      });
    }
    it('all tables of the section, in order', () => {
      const page = apiPage(md('# T', '## Request body', '|Property|Type|Description|', '|--|--|--|', '|a|String||', '', 'And:', '', '|Property|Type|Description|', '|--|--|--|', '|b|Int32||'));
      expect(page.requestBody!.tables).to.have.length(2);
      expect(page.requestBody!.properties.map((p) => p.name)).to.deep.equal(['a', 'b']);
    });
    for (const prose of [
      'Do not supply a request body for this method.', "Don't supply a request body for this method.", 'None.',
      'This API does not require any request body.', 'Request body should be empty.', 'Do not submit a request body for this method.',
      'This message does not have a request body. Any request body sent will be ignored.',
    ]) {
      it(`"${prose}" → none`, () => {
        const body = apiPage(md('# T', '## Request body', prose)).requestBody!;
        expect(body).to.include({ none: true, prose, line: 2 });
      });
    }
    it('prose asking for a body is not "none"', () => {
      for (const prose of ['In the request body, supply the values for relevant fields that should be updated.', 'Provide an empty json `{}` as request body for this method.']) {
        expect(apiPage(md('# T', '## Request body', prose)).requestBody!.none, prose).to.equal(false);
      }
    });
    it('"supply a JSON representation of [x]" → representationOf', () => {
      const body = apiPage(md('# T', '## Request body', 'In the request body, supply a JSON representation of a [user](../resources/user.md) object.')).requestBody!;
      expect(body.none).to.equal(false);
      expect(body.representationOf).to.include({ kind: 'named', name: 'user', link: '../resources/user.md' });
    });
    it('unlinked type name; generic words are not types', () => {
      expect(apiPage(md('# T', '## Request body', 'supply a JSON representation of a sideLoadingKey object.')).requestBody!.representationOf).to.include({ name: 'sideLoadingKey' });
      for (const prose of [
        'supply JSON representation of the parameters.',
        'supply a JSON representation of a structure with the OData id of the URI of a [group](../resources/group.md) object.',
        'supply a JSON representation of the reference to the [user](../resources/user.md) object to be added.',
      ]) {
        expect(apiPage(md('# T', '## Request body', prose)).requestBody!, prose).to.not.have.property('representationOf');
      }
    });
    it('no section → undefined', () => {
      expect(apiPage(md('# T', '## Response', 'x')).requestBody).to.equal(undefined);
    });
  });

  describe('response', () => {
    const response = (text: string) => apiPage(md('# T', '## Response', text)).response!;
    it('status codes in order, many spellings', () => {
      expect(response('returns a `201 Created` response code.').statusCodes).to.deep.equal([201]);
      expect(response('returns `200, OK` response code').statusCodes).to.deep.equal([200]);
      expect(response('returns 204 No Content. Or `202 Accepted`.').statusCodes).to.deep.equal([204, 202]);
      expect(response('returns a 200 response code').statusCodes).to.deep.equal([200]);
    });
    it('numbers that are not status codes are ignored', () => {
      expect(response('returns up to 999 items and 100 pages.').statusCodes).to.deep.equal([]);
    });
    it('returned type from the first type link, with line', () => {
      const r = response('If successful, this method returns a `200 OK` response code and a [keyCredential](../resources/keycredential.md) object in the response body.');
      expect(r.line).to.equal(2);
      expect(r.returnType).to.include({ kind: 'named', name: 'keyCredential', link: '../resources/keycredential.md' });
      expect(r.collection).to.equal(false);
    });
    it('links to concept pages and web URLs are not types', () => {
      const r = response('See [errors](/graph/errors) and [paging](../concepts/paging.md). Returns `204 No Content`.');
      expect(r).to.not.have.property('returnType');
    });
    it('a reference link (after "see", to an error-codes or overview page, or an operation named by a phrase) is not the returned type', () => {
      const see = response('returns a `200 OK` response code and a **widget** object in the response body. On a provider timeout the status is `206 Partial Content`; for details, see [Widget API error responses](../resources/widget-error-codes.md).');
      expect(see.returnType).to.include({ name: 'widget', kind: 'named' });
      expect(response('returns `204 No Content`. For the causes, read [Common widget errors](../resources/widget-overview.md#errors).')).to.not.have.property('returnType');
      expect(response('returns `202 Accepted` and a Location header. Poll it to [check how the copy is going](widgetoperation-get.md).')).to.not.have.property('returnType');
      // Type links stay types: a phrase label on a resources page, a short label next to a page of the api folder.
      expect(response('returns `200 OK` and a [Microsoft Teams app](../resources/teamsapp.md) object.').returnType).to.include({ link: '../resources/teamsapp.md' });
      expect(response('returns `200 OK` and a [widget](widget.md) object.').returnType).to.include({ link: 'widget.md' });
      expect(response('returns `200 OK` and the [error](../resources/widgeterror.md) object that describes the failure.').returnType).to.include({ link: '../resources/widgeterror.md' });
    });
    it('a type linked as the part expanded into the returned object is not the returned type', () => {
      const part = response('If successful, this method returns `200 OK`. The body holds an object for the requested widget, expanded with the matching [widgetTag](../resources/widgettag.md) object.');
      expect(part).to.not.have.property('returnType');
      expect(part.expandedPart).to.include({ name: 'widgetTag' });
      expect(response('returns `200 OK` and the specified widget with the expanded [widgetTag](../resources/widgettag.md) objects.')).to.not.have.property('returnType');
      // The parent named first stays the returned type; "the expanded [x]" without "with" is the returned object.
      const parent = response('returns `200 OK` and a [widget](../resources/widget.md) object expanded with its [widgetTag](../resources/widgettag.md) objects.');
      expect(parent.returnType).to.include({ name: 'widget' });
      expect(parent.expandedPart).to.include({ name: 'widgetTag' });
      expect(response('returns `200 OK` and the expanded [widgetTag](../resources/widgettag.md) object.').returnType).to.include({ name: 'widgetTag' });
      expect(response('returns `200 OK` and a [widgetTag](../resources/widgettag.md) object. Use $expand to read it with its widget.').returnType).to.include({ name: 'widgetTag' });
    });
    it('collection wording', () => {
      expect(response('returns a `200 OK` response code and collection of [user](user.md) objects').collection).to.equal(true);
      expect(response('returns a `200 OK` response code and a collection of [user](user.md) objects').collection).to.equal(true);
      expect(response('returns a `value` property that contains a collection of objects').collection).to.equal(true);
    });
    it('a clause about what one returned object contains is not collection wording', () => {
      const one = response('returns a `200 OK` response code and an [accessPackage](../resources/accesspackage.md) containing a collection of [scope](../resources/scope.md) objects in the response body.');
      expect(one.collection).to.equal(false);
      expect(one.returnType).to.include({ name: 'accessPackage' });
      expect(response('returns a `200 OK` response code and a collection of [widget](../r/widget.md) objects containing their owners.').collection).to.equal(true);
      expect(response('returns a `200 OK` that contains a JSON collection of **recentNotebooks**.').collection).to.equal(true);
      expect(response('returns `200 OK` and a [result](../r/result.md) in the response body. A **result** includes a collection of suggestions.').collection).to.equal(false);
      expect(response('returns `200 OK` and a [result](../r/result.md) object with a list of suggestions.').collection).to.equal(false);
      expect(response('returns `200 OK` and a collection of [result](../r/result.md) objects with their suggestions.').collection).to.equal(true);
    });
    it('a link labelled with the plural of its type page documents a collection', () => {
      expect(response('returns a `200 OK` response code and a JSON representation of the [identityProviders](../resources/identityprovider.md) in the response body.').collection).to.equal(true);
      expect(response('returns a `200 OK` response code and the [addresses](../resources/address.md).').collection).to.equal(true);
      expect(response('returns a `200 OK` response code and the [identityProvider](../resources/identityprovider.md).').collection).to.equal(false);
      // A singular article over a plural label: one object (the plural is a slip).
      expect(response('returns a `200 OK` response code and an [auditRecords](../resources/auditrecord.md) in the response body.').collection).to.equal(false);
      expect(response('returns a `200 OK` response code and a [reports](../resources/report.md) object.').collection).to.equal(false);
      expect(response('returns a `200 OK` response code and all [auditRecords](../resources/auditrecord.md) in the response body.').collection).to.equal(true);
      expect(response('returns a `200 OK` response code and the [settings](../resources/setting.md) of the [things](../resources/widget.md).').collection).to.equal(true);
    });
    it('status lines of code blocks in the section count (a page that shows `HTTP/1.1 201 OK` there, not in prose)', () => {
      expect(response(['Returns the new command:', '', FENCE + 'http', 'HTTP/1.1 201 OK', FENCE].join('\n')).statusCodes).to.deep.equal([201]);
      expect(response(['Returns `200 OK`.', '', FENCE + 'http', 'HTTP/1.1 404 Not Found', FENCE].join('\n')).statusCodes).to.deep.equal([200, 404]);
    });
    it('unlinked type: "a sideLoadingKey object"', () => {
      expect(response('returns a `201 Created` response code and a sideLoadingKey object in the response body.').returnType).to.include({ name: 'sideLoadingKey' });
    });
  });
});

describe('parse/response: unlinked return types', () => {
  const returned = (text: string) => {
    const page = apiPage(md('# T', '## Response', text));
    return page.kind === 'api' ? page.response?.returnType : undefined;
  };
  const cases: Array<[string, string, boolean]> = [
    ['returns a `200 OK` response code and a Stream in the response body.', 'Edm.Stream', false],
    ['returns a `200 OK` response code and a String in the response body.', 'Edm.String', false],
    ['returns `200 OK` response code and String collection object in the response body.', 'Edm.String', true],
    ['returns a `200 OK` response code and a Boolean value `true` in the response body.', 'Edm.Boolean', false],
    ['returns a `200 OK` response code and the updated **teamsTab** resource in the response body.', 'teamsTab', false],
    ['A successful response returns a `200 OK` that contains a JSON collection of **recentNotebooks**.', 'recentNotebooks', true],
  ];
  for (const [text, name, collection] of cases) {
    it(text, () => expect(returned(text)).to.include({ name, collection }));
  }
  const none = [
    'If successful, this method returns `200 OK` response code. It does not return anything in the response body.',
    'returns the updated object in the response body.',
    'returns the children collection of the target item.',
    'returns `200 OK` response code. If the group is added, a `true` value is returned in the response body.',
    'returns a `201 Created` response code and a Location header.',
  ];
  for (const text of none) it(`no type: ${text}`, () => expect(returned(text)).to.equal(undefined));
});
