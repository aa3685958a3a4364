/** Tiny API pages in Graph's markdown format, for selection and assessment tests (parsed by the real parser). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lintInMemory } from '../../src/lint/in-memory.js';
import type { Catalog } from '../../src/model/catalog.js';

export interface PageSpec {
  method: string;
  /** Documented paths (`/groups/{group-id}/threads`). */
  paths: string[];
  title: string;
  /** Example request URL path (after the version) and JSON body. */
  version?: string;
  example?: { path: string; body?: unknown; contentType?: string; rawBody?: string };
  status?: number;
  /** Resource the response returns (a page under ../resources/<returns>.md). */
  returns?: string;
  /** The response is a collection of it. */
  collection?: boolean;
}

export function apiMarkdown(spec: PageSpec): string {
  const status = spec.status ?? (spec.method === 'POST' ? 201 : spec.method === 'DELETE' || spec.method === 'PATCH' ? 204 : 200);
  const lines = [
    `# ${spec.title}`, '', `${spec.title}.`, '', '## HTTP request', '', '```http', ...spec.paths.map((p) => `${spec.method} ${p}`), '```', '',
    '## Request headers', '', '|Header|Value|', '|---|---|', '|Authorization|Bearer {token}. Required.|', '',
    '## Request body', '', spec.example?.body !== undefined ? `In the request body, supply a JSON representation of a [${spec.returns ?? 'thing'}](../resources/${spec.returns ?? 'thing'}.md) object.` : 'Do not supply a request body for this method.', '',
    '## Response', '', `If successful, this method returns a \`${status} OK\` response code${spec.returns ? ` and ${spec.collection ? 'a collection of ' : 'a '}[${spec.returns}](../resources/${spec.returns}.md) ${spec.collection ? 'objects' : 'object'} in the response body` : ''}.`, '',
  ];
  if (spec.example) {
    const headers = spec.example.contentType ? [`Content-Type: ${spec.example.contentType}`] : spec.example.body !== undefined ? ['Content-type: application/json'] : [];
    const body = spec.example.rawBody ?? (spec.example.body !== undefined ? JSON.stringify(spec.example.body, null, 2) : undefined);
    lines.push('## Example', '', '### Request', '', '```http', `${spec.method} https://graph.microsoft.com/${spec.version ?? 'v1.0'}${spec.example.path}`, ...headers, ...(body !== undefined ? ['', body] : []), '```', '');
  }
  return lines.join('\n');
}

/** A resource page: `id` (read-only) and the given string properties. */
export function resourceMarkdown(name: string, properties: string[] = ['displayName']): string {
  return [`# ${name} resource type`, '', `A ${name}.`, '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|id|String|Identifier. Read-only.|', ...properties.map((p) => `|${p}|String|The ${p}.|`), ''].join('\n');
}

/** Docs files (path → markdown) of the given pages under api-reference/<version>/, with a `thing` resource. */
export function docsOf(pages: Record<string, PageSpec>, version = 'v1.0', resources: Record<string, string[]> = { thing: ['displayName'] }): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, props] of Object.entries(resources)) files[`api-reference/${version}/resources/${name}.md`] = resourceMarkdown(name, props);
  for (const [name, spec] of Object.entries(pages)) files[`api-reference/${version}/api/${name}.md`] = apiMarkdown({ version, ...spec });
  return files;
}

/** Writes docsOf(...) under `dir` (a docs tree for --docs). */
export async function writeDocs(dir: string, ...args: Parameters<typeof docsOf>): Promise<void> {
  for (const [file, text] of Object.entries(docsOf(...args))) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
}

/** A catalog of the given pages (under api-reference/v1.0/api/). */
export function catalogOf(pages: Record<string, PageSpec>): Catalog {
  return lintInMemory(docsOf(pages)).catalog;
}
