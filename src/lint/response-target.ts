/** The response body an example rule validates: unwrapped from an undocumented envelope, with its documented type. */
import type { TypeDef } from '../model/catalog.js';
import type { JsonBody } from '../model/page.js';
import type { ExampleSubject, LintContext } from './types.js';
import { judgedAgainstPage } from './request-target.js';
import { documentedResponse, pageVersionOf, responseEnvelope, returnTypeDef, type DocumentedResponse, type Envelope } from './doc-facts.js';

export interface ResponseTarget {
  body: JsonBody;
  /** The value to validate (inside the envelope when there is one). */
  value: unknown;
  /** Pointer of `value` inside the body ('' or '/value'). */
  prefix: string;
  documented: DocumentedResponse;
  returned?: TypeDef;
  envelope?: Envelope;
}

/** Several rules ask for the same example's target: computed once per example and context. */
const targets = new WeakMap<object, { subject: ExampleSubject; ctx: LintContext; target: ResponseTarget | undefined }>();

export function responseTarget(subject: ExampleSubject, ctx: LintContext): ResponseTarget | undefined {
  const known = targets.get(subject.example);
  if (known && known.ctx === ctx && known.subject.page === subject.page && known.subject.operation === subject.operation) return known.target;
  const target = findResponseTarget(subject, ctx);
  targets.set(subject.example, { subject, ctx, target });
  return target;
}

function findResponseTarget({ page, example, operation }: ExampleSubject, ctx: LintContext): ResponseTarget | undefined {
  const body = example.response?.body;
  if (!body || body.value === undefined) return undefined;
  // Only the success response is described by the docs' Response section.
  const status = example.response?.status;
  if (status !== undefined && (status < 200 || status > 299)) return undefined;
  // The response to another service's URL or to another page's operation is not this page's response.
  if (!judgedAgainstPage({ page, example, operation }, ctx)) return undefined;
  const documented = documentedResponse(page, operation);
  if (!documented) return undefined;
  const returned = returnTypeDef(ctx.catalog, pageVersionOf(page, operation), documented.returnType);
  const envelope = responseEnvelope(body.value, documented, returned, ctx.catalog);
  return envelope
    ? { body, value: envelope.inner, prefix: `/${envelope.key}`, documented, returned, envelope }
    : { body, value: body.value, prefix: '', documented, returned };
}
