/** One API page → one Operation (before type resolution and merging). Pure. */
import type { Finding } from '../model/finding.js';
import type { Operation } from '../model/catalog.js';
import type { ApiPage, Example, TypeRef } from '../model/page.js';
import { normalizePath, operationId } from './operation-id.js';
import { pageVersion } from './types.js';
import { stripMarkdown } from '../parse/markdown.js';
import { parseTypeRef } from '../parse/type-ref.js';

/**
 * "In the request body, provide an optional `keyCredential` property as a JSON object with the
 * following parameters." — the table lists the properties INSIDE that one key (addKey, addPassword).
 */
const WRAPPER_PROSE =
  /\bprovide an? (?:(?:optional|required|empty) )*(?:`([A-Za-z_][A-Za-z0-9_]*)`|\[`?([A-Za-z_][A-Za-z0-9_]*)`?\]\([^)\s]*\)) (?:property |object |parameter )?(?:as an? JSON object |or )?with the following (?:(?:optional|required) )?(?:parameters|properties)/i;

/** The wrapper named in backticks or through a link ("an empty [passwordCredential](…) object or with the following …"). */
export function bodyWrapperProperty(prose: string): string | undefined {
  const m = WRAPPER_PROSE.exec(prose.replace(/\s+/g, ' '));
  return m ? m[1] ?? m[2] : undefined;
}

/**
 * The documented success status: first 2xx of the Response section, else of the examples; else a redirect
 * the page documents as its success (report and download pages: `302 Found` to a download URL); else 200.
 */
export function successStatusOf(page: ApiPage): { status: number; from: 'response' | 'example' | 'default' } {
  const exampleStatuses = page.examples.map((e) => e.response?.status).filter((s): s is number => s !== undefined);
  for (const accept of [is2xx, isRedirect]) {
    const fromText = page.response?.statusCodes.find(accept);
    if (fromText !== undefined) return { status: fromText, from: 'response' };
    const fromExample = exampleStatuses.find(accept);
    if (fromExample !== undefined) return { status: fromExample, from: 'example' };
  }
  return { status: 200, from: 'default' };
}

/** 4xx and 5xx statuses the Response section names or an example shows (`404 Not Found`), sorted. */
export function documentedErrorStatuses(page: ApiPage): number[] {
  const statuses = [...(page.response?.statusCodes ?? []), ...page.examples.map((e) => e.response?.status)];
  return [...new Set(statuses.filter((s): s is number => s !== undefined && s >= 400 && s < 600))].sort((a, b) => a - b);
}

function is2xx(status: number): boolean {
  return status >= 200 && status < 300;
}

/** 301/302/303/307/308: the answer is a Location header, with no body of its own. */
export function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

export function operationFromPage(page: ApiPage): { operation?: Operation; findings: Finding[] } {
  const findings: Finding[] = [];
  const first = page.httpRequests[0];
  if (!first) {
    findings.push({ file: page.file, line: page.h1?.line ?? 1, ruleId: 'catalog-no-http-request', severity: 'info', message: `API page ${page.file} documents no \`METHOD path\`; no operation is derived from it` });
    return { findings };
  }
  const version = pageVersion(page);
  const success = successStatusOf(page);
  if (success.from === 'default') {
    findings.push({ file: page.file, line: page.response?.line ?? first.line, ruleId: 'catalog-success-status-missing', severity: 'warning', message: 'no 2xx (or redirect) status in the Response section or the examples; assuming 200 OK' });
  }
  const method = first.method.toUpperCase();
  const path = normalizePath(first.path);
  const body = page.requestBody;
  const hasBody = body !== undefined && !body.none && (body.properties.length > 0 || body.representationOf !== undefined);
  const returned = page.response?.returnType ?? expandedParentType(page);
  const returnsBody = success.status !== 204 && !isRedirect(success.status) && returned !== undefined;
  const heading = page.h1?.text ?? page.title;
  const operation: Operation = {
    id: operationId(method, path, {
      heading,
      successStatus: success.status,
      returnsCollection: page.response?.collection,
      bodyIsRepresentation: body?.representationOf !== undefined,
    }),
    version,
    method,
    path,
    paths: page.httpRequests.map((r) => ({ method: r.method.toUpperCase(), path: normalizePath(r.path), raw: r.path, file: page.file, line: r.line })),
    title: heading ?? path,
    sources: [{ file: page.file, line: first.line }],
    permissions: page.permissions,
    headers: documentedHeaders(page),
    successStatus: success.status,
    returnsCollection: returnsBody && (page.response?.collection ?? false),
    examples: page.examples.filter(hasExampleContent),
  };
  const errorStatuses = documentedErrorStatuses(page);
  if (errorStatuses.length > 0) operation.errorStatuses = errorStatuses;
  if (page.description) operation.description = page.description;
  if (page.queryParameters) operation.query = { support: page.queryParameters.support, parameters: page.queryParameters.parameters };
  if (returnsBody) operation.returnType = returned;
  else if (page.response?.expandedPart && success.status !== 204 && !isRedirect(success.status)) operation.returnTypeUnstated = true;
  if (hasBody && body) {
    const requestBody: NonNullable<Operation['requestBody']> = { properties: body.properties, source: { file: page.file, line: body.line } };
    if (body.properties.length === 0 && body.representationOf) requestBody.representationOf = body.representationOf;
    const wrapper = body.properties.length > 0 ? bodyWrapperProperty(body.prose) : undefined;
    if (wrapper) requestBody.wrapperProperty = wrapper;
    operation.requestBody = requestBody;
  }
  return { operation, findings };
}

/**
 * The Response prose names a type only as the part expanded into the returned object ("the requested
 * resource instance, expanded with the matching [x](…) object"; the request is `GET …/messages/{id}?$expand=…`):
 * the returned object is the parent the request path ends at, which the prose leaves unnamed. The page's
 * own example response annotation (`"@odata.type": "microsoft.graph.message"`) names it; without one the
 * page names no returned type (never the expanded part).
 */
function expandedParentType(page: ApiPage): TypeRef | undefined {
  if (!page.response?.expandedPart) return undefined;
  for (const example of page.examples) {
    const raw = example.response?.annotation?.data['@odata.type'];
    if (typeof raw !== 'string' || !/^#?[A-Za-z][\w.]*$/.test(raw.trim()) || /^(?:#?edm\.)?stream$/i.test(raw.trim())) continue;
    return parseTypeRef(raw.trim().replace(/^#/, ''));
  }
  return undefined;
}

/** Headers OpenAPI says a header parameter must not describe: they are security and media types. */
const NOT_PARAMETERS = new Set(['authorization', 'content-type', 'accept']);

/** Rows of the Request headers table as parameters: name from the first cell, "Required" wherever the row says so. */
function documentedHeaders(page: ApiPage): NonNullable<Operation['headers']> {
  const out: NonNullable<Operation['headers']> = [];
  for (const row of page.requestHeaders.table?.rows ?? []) {
    const name = stripMarkdown(row.cells[0] ?? '').trim();
    if (!/^[A-Za-z0-9-]+$/.test(name) || NOT_PARAMETERS.has(name.toLowerCase())) continue;
    const rest = row.cells.slice(1).map((c) => stripMarkdown(c).trim()).filter(Boolean).join(' ');
    out.push({ name, required: /\brequired\b/i.test(rest) && !/\boptional\b/i.test(rest), description: rest, file: page.file, line: row.line });
  }
  return out;
}

function hasExampleContent(example: Example): boolean {
  return example.request !== undefined || example.response !== undefined;
}
