import type { LintRule } from '../types.js';
import type { Finding } from '../../model/finding.js';
import { findingAt } from '../report.js';
import { lineOfPointer } from '../body-check.js';
import { allProperties, annotationFlag, annotationKeyLine, pageVersionOf, documentedResponse, isPlainObject, returnTypeDef } from '../doc-facts.js';
import { judgedAgainstPage } from '../request-target.js';
import { queryOptionsOf } from './example-query-undocumented.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-response-collection',
  severity: 'error',
  purpose: 'Collection wording of the Response section, the isCollection annotation and the {"value": [...]} body agree.',
  given: 'example',
  check({ page, example, operation }, ctx) {
    const r = example.response;
    const documented = documentedResponse(page, operation);
    if (!r || !documented || !judgedAgainstPage({ page, example, operation }, ctx) || documented.returnType?.kind !== 'named' || (r.status !== undefined && (r.status < 200 || r.status > 299))) return [];
    const out: Finding[] = [];
    const said = documented.collection ? 'a collection' : 'a single object';
    const annotated = annotationFlag(r.annotation, 'isCollection');
    if (r.annotation && annotated !== undefined && annotated !== documented.collection) {
      out.push(findingAt(rule, { file: r.annotation.file, line: annotationKeyLine(r.annotation, 'isCollection') }, `annotation says isCollection: ${annotated} but the Response section documents ${said}`));
    }
    const body = r.body;
    if (body && isPlainObject(body.value)) {
      const returned = returnTypeDef(ctx.catalog, pageVersionOf(page, operation), documented.returnType);
      const hasValueProperty = returned && allProperties(ctx.catalog, returned).some((p) => p.name === 'value');
      const isValueArray = Array.isArray(body.value.value);
      // A $filter query (`/onlineMeetings?$filter=joinWebUrl eq '...'`) returns a collection by OData's
      // rules, whatever single object the filter is meant to find.
      const filtered = queryOptionsOf(example.request?.url ?? '').includes('$filter');
      if (!documented.collection && isValueArray && !hasValueProperty && !filtered) {
        out.push(findingAt(rule, { file: page.file, line: lineOfPointer(body, '/value') }, `response body is a {"value": [...]} collection but the Response section documents a single object`));
      } else if (documented.collection && !isValueArray && Object.keys(body.value).some((k) => !k.startsWith('@'))) {
        out.push(findingAt(rule, { file: page.file, line: body.line }, `response body is a single object but the Response section documents a collection ({"value": [...]})`));
      }
    }
    return out;
  },
  examples: {
    ok: [
      widgetFixture(),
      widgetFixture({ httpRequest: 'GET /widgets', requestLine: 'GET https://graph.microsoft.com/v1.0/widgets', requestBody: '', statusLine: 'HTTP/1.1 200 OK',
        response: 'If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.',
        responseAnnotation: '<!-- { "blockType": "response", "truncated": true, "isCollection": true, "@odata.type": "microsoft.graph.widget" } -->',
        responseBody: '{\n  "value": [\n    { "id": "1" }\n  ]\n}' }),
      // Finding one widget with $filter still returns {"value": [...]}.
      widgetFixture({ httpRequest: 'GET /widgets?$filter=displayName eq \'{name}\'', requestLine: 'GET https://graph.microsoft.com/v1.0/widgets?$filter=displayName%20eq%20\'Blue\'', requestBody: '', statusLine: 'HTTP/1.1 200 OK',
        response: 'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.',
        responseBody: '{\n  "value": [\n    { "id": "1" }\n  ]\n}' }),
      // "a widget containing a collection of …" says what the one widget holds: a single object is right.
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) containing a collection of [part](../resources/part.md) objects in the response body.' }),
      // A link labelled with the plural of its type page ("the [widgets](widget.md)") documents a collection.
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a JSON representation of the [widgets](../resources/widget.md) in the response body.',
        responseBody: '{\n  "value": [\n    { "id": "1" }\n  ]\n}' }),
    ],
    notOk: [
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a JSON representation of the [widgets](../resources/widget.md) in the response body.',
        responseBody: '{ "id": "1", "displayName": "Blue" }' }, '{ "id": "1", "displayName"'),
      // The same content clause after a collection still documents a collection.
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a collection of [widget](../resources/widget.md) objects containing their parts in the response body.',
        responseBody: '{ "id": "1", "displayName": "Blue" }' }, '{ "id": "1", "displayName"'),
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) containing a collection of [part](../resources/part.md) objects in the response body.',
        responseBody: '{\n  "value": [\n    { "id": "1" }\n  ]\n}' }, '"value": ['),
      widgetFixture({ responseBody: '{\n  "value": [\n    { "id": "1" }\n  ]\n}' }, '"value": ['),
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "isCollection": true, "@odata.type": "microsoft.graph.widget" } -->' }, '"isCollection": true'),
    ],
  },
};
