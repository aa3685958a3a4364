/** The request body an example rule checks: only when the example calls the operation its page documents. */
import type { Operation } from '../model/catalog.js';
import type { JsonBody } from '../model/page.js';
import type { ExampleSubject } from './types.js';

export interface RequestTarget {
  operation: Operation;
  body: JsonBody;
  value: unknown;
}

export function requestTarget({ example, operation }: ExampleSubject): RequestTarget | undefined {
  const request = example.request;
  const body = request?.body;
  if (!operation || !body || body.value === undefined) return undefined;
  // Another method's example (a GET beside the POST) is not judged against this operation's body.
  if (request.method.toUpperCase() !== operation.method.toUpperCase()) return undefined;
  return { operation, body, value: body.value };
}
