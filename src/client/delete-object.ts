/**
 * Deleting an object the suite created, by kind: the one rule for the finally sweep, the state teardown and
 * `graphpact cleanup`. A 404 counts as gone: a teardown, another sweeper or the provider got there first.
 */
import type { GraphClient } from './graph-client.js';
import type { GraphResult } from './exchange.js';

export type GraphObjectKind = 'application' | 'sideLoadingKey';

export async function deleteObject(client: GraphClient, kind: GraphObjectKind, id: string): Promise<{ gone: boolean; result: GraphResult<void> }> {
  const result = kind === 'application' ? await client.deleteApplication(id) : await client.deleteSideLoadingKey(id);
  return { gone: result.ok || result.response.status === 404, result };
}
