/**
 * A small invented API in Graph's markdown format (our own words, parsed by the real parser) for the
 * emulator's tests: a `widget` collection with contained `parts`, notes reachable from `/me` and
 * `/users/{id}`, a single-valued `settings` object, an action and a function, and a binary download; group events
 * and drive items documented at alternate paths, and chart axes (two different objects documented on one page).
 */
import { lintInMemory } from '../../../src/lint/in-memory.js';
import type { Catalog } from '../../../src/model/catalog.js';

const FENCE = '```';

interface Page {
  title: string;
  method: string;
  paths: string[];
  /** Request header table rows besides Authorization, `name|description`. */
  headers?: string[];
  /** Request body table rows `name|Type|description`; undefined = no body. */
  body?: string[];
  /** Success status and returned type (`widget`, `widget collection`), if any. */
  status: number;
  returns?: string;
  example?: Example;
  /** Several examples, each under its own heading. */
  examples?: Example[];
}

interface Example {
  url: string;
  /** The request's method when it is not the page's (another step of the same flow). */
  method?: string;
  body?: unknown;
  /** A request body that is not JSON (bytes of an upload). */
  rawBody?: string;
  response?: unknown;
  /** Response header lines (`Location: /x`). */
  responseHeaders?: string[];
}

function exampleLines(p: Page, example: Example): string[] {
  const lines = ['#### Request', '', `${FENCE}http`, `${example.method ?? p.method} https://graph.microsoft.com/v1.0${example.url}`];
  if (example.body !== undefined) lines.push('Content-Type: application/json', '', JSON.stringify(example.body, null, 2));
  if (example.rawBody !== undefined) lines.push('Content-Type: application/octet-stream', '', example.rawBody);
  lines.push(FENCE, '', '#### Response', '', `${FENCE}http`, `HTTP/1.1 ${p.status} OK`, ...(example.responseHeaders ?? []));
  if (example.response !== undefined) lines.push('Content-Type: application/json', '', JSON.stringify(example.response, null, 2));
  lines.push(FENCE, '');
  return lines;
}

function page(p: Page): string {
  const lines = [`# ${p.title}`, '', `${p.title}.`, '', '## HTTP request', '', `${FENCE}http`, ...p.paths.map((path) => `${p.method} ${path}`), FENCE, '',
    '## Request headers', '', '|Name|Description|', '|:---|:---|', '|Authorization|Bearer {token}. Required.|', ...(p.headers ?? []).map((row) => `|${row}|`), ''];
  if (p.body) lines.push('## Request body', '', 'In the request body, supply the following properties.', '', '|Property|Type|Description|', '|:---|:---|:---|', ...p.body.map((row) => `|${row}|`), '');
  else lines.push('## Request body', '', 'Do not supply a request body for this method.', '');
  const type = p.returns?.split(' ')[0];
  const returned = !p.returns ? '' : p.returns.endsWith('collection')
    ? ` and a collection of [${type}](../resources/${type}.md) objects in the response body`
    : ` and a [${type}](../resources/${type}.md) object in the response body`;
  lines.push('## Response', '', `If successful, this method returns a \`${p.status} ${p.status === 201 ? 'Created' : p.status === 204 ? 'No Content' : 'OK'}\` response code${returned}.`, '');
  const examples = p.examples ?? (p.example ? [p.example] : []);
  if (examples.length > 0) lines.push('## Examples', '');
  examples.forEach((example, i) => lines.push(`### Example ${i + 1}`, '', ...exampleLines(p, example)));
  return lines.join('\n');
}

function resource(name: string, rows: string[]): string {
  return [`# ${name} resource type`, '', `An invented ${name}.`, '', '## Properties', '', '|Property|Type|Description|', '|:---|:---|:---|', ...rows.map((r) => `|${r}|`), ''].join('\n');
}

const WIDGET_ROWS = ['color|String|What colour it is.', 'displayName|String|Its name.', 'size|Int32|How big it is.'];

export const PAGES: Record<string, Page> = {
  'widget-create': { title: 'Create widget', method: 'POST', paths: ['/widgets'], body: WIDGET_ROWS, status: 201, returns: 'widget', example: { url: '/widgets', body: { displayName: 'w', color: 'red', size: 3 } } },
  'gadget-create': { title: 'Create gadget', method: 'POST', paths: ['/gadgets'], status: 201, returns: 'widget' },
  'widget-list': { title: 'List widgets', method: 'GET', paths: ['/widgets'], status: 200, returns: 'widget collection' },
  'widget-get': { title: 'Get widget', method: 'GET', paths: ['/widgets/{widget-id}'], status: 200, returns: 'widget' },
  'widget-update': { title: 'Update widget', method: 'PATCH', paths: ['/widgets/{widget-id}'], body: WIDGET_ROWS, status: 204 },
  'widget-delete': { title: 'Delete widget', method: 'DELETE', paths: ['/widgets/{widget-id}'], status: 204 },
  'widget-post-parts': { title: 'Create part', method: 'POST', paths: ['/widgets/{widget-id}/parts'], body: ['label|String|Printed on it.'], status: 201, returns: 'part' },
  'widget-list-parts': { title: 'List parts', method: 'GET', paths: ['/widgets/{widget-id}/parts'], status: 200, returns: 'part collection' },
  'widget-polish': {
    title: 'widget: polish', method: 'POST', paths: ['/widgets/{widget-id}/polish'], body: ['intensity|Int32|How hard.'], status: 200, returns: 'polishResult',
    example: { url: '/widgets/123/polish', body: { intensity: 2 }, response: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.polishResult', shine: 'high' } },
  },
  'widget-broken': {
    title: 'widget: break', method: 'POST', paths: ['/widgets/{widget-id}/break'], status: 200, returns: 'polishResult',
    example: { url: '/widgets/123/break', response: { shine: 42 } },
  },
  'widget-reset': { title: 'widget: reset', method: 'POST', paths: ['/widgets/{widget-id}/reset'], status: 200 },
  'widget-count': {
    title: 'widget: countAll', method: 'GET', paths: ['/widgets/countAll(kind=\'{kind}\')'], status: 200, returns: 'polishResult',
    example: { url: "/widgets/countAll(kind='big')", response: { shine: 'dull' } },
  },
  'widget-photo': { title: 'Get widget photo', method: 'GET', paths: ['/widgets/{widget-id}/photo/$value'], status: 200 },
  'user-create': { title: 'Create user', method: 'POST', paths: ['/users'], body: ['displayName|String|Name.'], status: 201, returns: 'user' },
  'user-list': { title: 'List users', method: 'GET', paths: ['/users'], headers: ['ConsistencyLevel|eventual. Required with $count and $search.'], status: 200, returns: 'user collection' },
  'group-create': { title: 'Create group', method: 'POST', paths: ['/groups'], body: ['displayName|String|Name.'], status: 201, returns: 'group' },
  'group-post-events': { title: 'Create event', method: 'POST', paths: ['/groups/{id}/events', '/groups/{id}/calendar/events'], body: ['subject|String|What.'], status: 201, returns: 'event' },
  'group-list-events': { title: 'List events', method: 'GET', paths: ['/groups/{id}/calendar/events', '/groups/{id}/events'], status: 200, returns: 'event collection' },
  'event-get': { title: 'Get event', method: 'GET', paths: ['/groups/{id}/events/{event-id}', '/groups/{id}/calendar/events/{event-id}'], status: 200, returns: 'event' },
  'event-update': { title: 'Update event', method: 'PATCH', paths: ['/groups/{id}/calendar/events/{event-id}', '/groups/{id}/events/{event-id}'], body: ['subject|String|What.'], status: 204 },
  'driveitem-create': { title: 'Create item', method: 'POST', paths: ['/users/{user-id}/drive/items', '/drives/{drive-id}/items'], body: ['name|String|Its name.'], status: 201, returns: 'driveItem' },
  'driveitem-get': { title: 'Get item', method: 'GET', paths: ['/me/drive/items/{item-id}', '/users/{user-id}/drive/items/{item-id}', '/drives/{drive-id}/items/{item-id}'], status: 200, returns: 'driveItem' },
  'axis-update': { title: 'Update axis', method: 'PATCH', paths: ['/widgets/{widget-id}/axes/categoryAxis/format', '/widgets/{widget-id}/axes/valueAxis/format'], body: ['color|String|Line colour.'], status: 200, returns: 'axisFormat' },
  'axis-get': { title: 'Get axis', method: 'GET', paths: ['/widgets/{widget-id}/axes/valueAxis/format', '/widgets/{widget-id}/axes/categoryAxis/format'], status: 200, returns: 'axisFormat' },
  'widget-archive': {
    title: 'widget: archive', method: 'POST', paths: ['/widgets/{widget-id}/archive'], status: 202, returns: 'polishResult',
    example: { url: '/widgets/123/archive', responseHeaders: ['Location: /widgets(123)/operations(456)', 'Content-Length: 0'] },
  },
  'widget-upload': { title: 'Upload widget blob', method: 'PUT', paths: ['/widgets/{widget-id}/blob'], status: 200, example: { url: '/widgets/123/blob', rawBody: '<the bytes of the blob>' } },
  'widget-session': {
    title: 'widget: openSession', method: 'POST', paths: ['/widgets/{widget-id}/openSession'], status: 200, returns: 'polishResult',
    examples: [
      { url: '/widgets/123/openSession', body: {}, response: { shine: 'session' } },
      { url: '/upload/123', method: 'PUT', rawBody: '<the first bytes>' },
    ],
  },
  'note-content': { title: 'Update note content', method: 'PATCH', paths: ['/me/notes/{note-id}/content'], status: 204, example: { url: '/me/notes/1/content', body: [{ action: 'append', content: 'x' }] } },
  'note-create': { title: 'Create note', method: 'POST', paths: ['/me/notes', '/users/{id | userPrincipalName}/notes'], body: ['text|String|The note.'], status: 201, returns: 'note' },
  'note-list': { title: 'List notes', method: 'GET', paths: ['/me/notes', '/users/{id | userPrincipalName}/notes'], status: 200, returns: 'note collection' },
  'settings-get': {
    title: 'Get settings', method: 'GET', paths: ['/me/settings'], status: 200, returns: 'settings',
    example: { url: '/me/settings', response: { theme: 'dark', '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/settings' } },
  },
  'settings-update': { title: 'Update settings', method: 'PATCH', paths: ['/me/settings'], body: ['theme|String|Look.'], status: 200, returns: 'settings' },
};

/** The invented API's markdown files, by path under a docs root. */
export function emulatorDocs(): Record<string, string> {
  const files: Record<string, string> = {
    'api-reference/v1.0/resources/widget.md': resource('widget', ['id|String|Key. Read-only.', ...WIDGET_ROWS]),
    'api-reference/v1.0/resources/part.md': resource('part', ['id|String|Key.', 'label|String|Printed on it.']),
    'api-reference/v1.0/resources/note.md': resource('note', ['id|String|Key.', 'text|String|The note.']),
    'api-reference/v1.0/resources/user.md': resource('user', ['id|String|Key.', 'displayName|String|Name.']),
    'api-reference/v1.0/resources/group.md': resource('group', ['id|String|Key.', 'displayName|String|Name.']),
    'api-reference/v1.0/resources/event.md': resource('event', ['id|String|Key.', 'subject|String|What.']),
    'api-reference/v1.0/resources/driveitem.md': resource('driveItem', ['id|String|Key.', 'name|String|Its name.']),
    'api-reference/v1.0/resources/axisformat.md': resource('axisFormat', ['color|String|Line colour.']),
    'api-reference/v1.0/resources/settings.md': resource('settings', ['theme|String|Look.']),
    'api-reference/v1.0/resources/polishresult.md': resource('polishResult', ['shine|String|How it shines.']),
  };
  for (const [name, p] of Object.entries(PAGES)) files[`api-reference/v1.0/api/${name}.md`] = page(p);
  return files;
}

export function emulatorCatalog(): Catalog {
  return lintInMemory(emulatorDocs()).catalog;
}
