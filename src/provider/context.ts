/** What a route handler gets: the parsed request and the provider it runs in. */
import type { ProviderQuirks } from './quirks.js';
import type { ProviderResponse } from './response.js';
import type { SchemaLookup } from './schemas.js';
import type { ProviderState } from './state.js';

export interface RequestContext {
  /** API version segment of the URL (`beta`, `v1.0`). */
  version: string;
  /** `http://127.0.0.1:PORT/beta`: base of @odata.context and Location values. */
  serviceRoot: string;
  /** Path parameters by placeholder name (`id`). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (always an object) for POST/PATCH; undefined otherwise. */
  body: Record<string, unknown> | undefined;
  now: Date;
  state: ProviderState;
  schemas: SchemaLookup;
  quirks: ProviderQuirks;
}

export type Handler = (ctx: RequestContext) => ProviderResponse | Promise<ProviderResponse>;
