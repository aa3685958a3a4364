/**
 * The Graph emulator: the catalog's documented paths as a route table (route-table.ts), a matcher over it
 * (matcher.ts), a generic store (store.ts) and the handlers of each route kind (handlers.ts).
 *
 *   const { catalog } = await loadCatalog(['../shared/corpus/graph-docs']);
 *   const provider = await startProvider({ catalog });   // serves every documented operation
 */
import type { Catalog, Operation } from '../../model/catalog.js';
import { lazySchemaSet } from './lazy-schemas.js';
import { schemaLookup, type SchemaLookup } from '../schemas.js';
import { buildMatcher, type Matcher } from './matcher.js';
import { buildRouteTable, summarizeRoutes, type RouteTable } from './route-table.js';
import { findAliases, type Aliases } from './aliases.js';
import { SIGNED_IN_USER_ID } from './store.js';

export { handleRoute, type EmulatorContext } from './handlers.js';
export { buildRouteTable, notServedByOperation, NOT_SERVED, summarizeRoutes, exampleResponse, type EmulatedRoute, type RouteKind, type RouteTable } from './route-table.js';
export { findAliases, storedAddress, type Aliases } from './aliases.js';
export { EntityStore, SIGNED_IN_USER_ID, type Entity } from './store.js';

export interface Emulator {
  table: RouteTable;
  matcher: Matcher;
  /** Alternate documented paths of the same data → the template it is stored at. */
  aliases: Aliases;
  /** Request/response schemas generated from the same catalog on first use (lazy-schemas.ts), validators compiled then. */
  schemas: SchemaLookup;
  summary: ReturnType<typeof summarizeRoutes>;
}

/** Routes for the selected operations (default all); schemas come from the whole catalog. */
export function buildEmulator(catalog: Catalog, versions: string[], select: (op: Operation) => boolean = () => true): Emulator {
  const table = buildRouteTable(catalog.operations.filter(select));
  return {
    table,
    matcher: buildMatcher(table.routes, SIGNED_IN_USER_ID),
    aliases: findAliases(table.routes),
    schemas: schemaLookup(lazySchemaSet(catalog), versions),
    summary: summarizeRoutes(table),
  };
}
