/** Every JSON text of a page (example bodies, annotations, JSON representations), with what it is. */
import type { Annotation, HttpHeader, JsonBody, ParsedPage } from '../model/page.js';

export interface JsonSource {
  what: string;
  json: JsonBody | Annotation;
}

export function jsonSources(page: ParsedPage): JsonSource[] {
  const out: JsonSource[] = [];
  if (page.kind === 'api') {
    for (const e of page.examples) {
      if (e.request?.annotation) out.push({ what: 'request annotation', json: e.request.annotation });
      if (e.request?.body && !declaresOtherContent(e.request.headers)) out.push({ what: 'request example body', json: e.request.body });
      if (e.response?.annotation) out.push({ what: 'response annotation', json: e.response.annotation });
      if (e.response?.body && !declaresOtherContent(e.response.headers)) out.push({ what: 'response example body', json: e.response.body });
    }
  } else {
    if (page.annotation) out.push({ what: 'resource annotation', json: page.annotation });
    if (page.jsonRepresentation) out.push({ what: 'JSON representation', json: page.jsonRepresentation });
  }
  return out;
}

/**
 * A Content-Type that is not JSON (`application/zip`, `text/csv`, `image/png`): the body is not JSON by the
 * example's own word, whatever its first character (`[Zip file containing a Teams app package]`).
 */
export function declaresOtherContent(headers: readonly HttpHeader[]): boolean {
  const type = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.trim().toLowerCase();
  return type !== undefined && type !== '' && !/json|^\{|^<|^\[/.test(type);
}
