/**
 * Selecting operations (`--docs DIR ... --operations SEL`) and judging whether each can be verified:
 *   const catalog = (await loadCatalog(['apidocs'])).catalog;
 *   const selected = selectOperations(catalog.operations, selectionOf('applications.*'));
 *   assessOperations(catalog.operations, selected)  // verifiable? which states? why not?
 */
import type { Operation } from '../model/catalog.js';
import type { Selection, Shard } from './selection.js';
import { inShard } from './selection.js';

export * from './selection.js';
export * from './assess.js';

/** The operations a selection matches (optionally of one API version, and one shard), in catalog order. */
export function selectOperations(operations: Operation[], selection: Selection, opts: { version?: string; shard?: Shard } = {}): Operation[] {
  const matched = operations.filter((op) => (opts.version === undefined || op.version === opts.version) && selection.matches(op));
  return inShard(matched, opts.shard);
}
