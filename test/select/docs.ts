/** Tiny API pages in Graph's markdown format, for selection and assessment tests (parsed by the real parser). */
import { lintInMemory } from '../../src/lint/in-memory.js';
import type { Catalog } from '../../src/model/catalog.js';

export interface PageSpec {
  method: string;
  /** Documented paths (`/groups/{group-id}/threads`). */
  paths: string[];
  title: string;
  /** Example request URL path (after the version) and JSON body. */
  example?: { path: string; body?: unknown; contentType?: string; rawBody?: string };
  status?: number;
  returns?: string;
}

export function apiMarkdown(spec: PageSpec): string {
  const status = spec.status ?? (spec.method === 'POST' ? 201 : spec.method === 'DELETE' || spec.method === 'PATCH' ? 204 : 200);
  const lines = [
    `# ${spec.title}`, '', `${spec.title}.`, '', '## HTTP request', '', '```http', ...spec.paths.map((p) => `${spec.method} ${p}`), '```', '',
    '## Request headers', '', '|Header|Value|', '|---|---|', '|Authorization|Bearer {token}. Required.|', '',
    '## Request body', '', spec.example?.body !== undefined ? `In the request body, supply a JSON representation of a [thing](../resources/thing.md) object.` : 'Do not supply a request body for this method.', '',
    '## Response', '', `If successful, this method returns a \`${status} OK\` response code${spec.returns ? ` and a [thing](../resources/thing.md) object in the response body` : ''}.`, '',
  ];
  if (spec.example) {
    const headers = spec.example.contentType ? [`Content-Type: ${spec.example.contentType}`] : spec.example.body !== undefined ? ['Content-type: application/json'] : [];
    const body = spec.example.rawBody ?? (spec.example.body !== undefined ? JSON.stringify(spec.example.body, null, 2) : undefined);
    lines.push('## Example', '', '### Request', '', '```http', `${spec.method} https://graph.microsoft.com/v1.0${spec.example.path}`, ...headers, ...(body !== undefined ? ['', body] : []), '```', '');
  }
  return lines.join('\n');
}

const RESOURCE = ['# thing resource type', '', 'A thing.', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|id|String|Identifier. Read-only.|', '|displayName|String|Name.|', ''].join('\n');

/** A catalog of the given pages (under api-reference/v1.0/api/). */
export function catalogOf(pages: Record<string, PageSpec>): Catalog {
  const files: Record<string, string> = { 'api-reference/v1.0/resources/thing.md': RESOURCE };
  for (const [name, spec] of Object.entries(pages)) files[`api-reference/v1.0/api/${name}.md`] = apiMarkdown(spec);
  return lintInMemory(files).catalog;
}
