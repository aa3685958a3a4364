/**
 * The emulator's tenant: entities by collection address (`users/<id>/messages` → id → object) and
 * single-valued objects by address (`users/<id>/mailboxSettings`). Shared by every API version, as the
 * provider's state always was; the hand-written sideLoadingKey and application routes keep their objects
 * in the same maps (`deviceappmanagement/sideloadingkeys`, `applications`), so generic routes below
 * them (`/applications/{id}/owners`) see the same data.
 * Handlers read and write synchronously: no await between a read and the write that depends on it.
 */
export type Entity = Record<string, unknown>;

/** The signed-in user `/me` stands for: always present in `users`. */
export const SIGNED_IN_USER_ID = '6e7b768e-07e2-4810-8459-485f84f8f204';

export class EntityStore {
  private readonly collections = new Map<string, Map<string, Entity>>();
  private readonly singles = new Map<string, Entity>();

  constructor() {
    this.collection(['users']).set(SIGNED_IN_USER_ID, {
      id: SIGNED_IN_USER_ID,
      displayName: 'Signed-in User',
      userPrincipalName: 'signed-in.user@graphpact.invalid',
      mail: 'signed-in.user@graphpact.invalid',
    });
  }

  /** The entities of a collection (created empty on first use). */
  collection<T extends object = Entity>(address: string[]): Map<string, T> {
    const key = address.join('/');
    let map = this.collections.get(key);
    if (!map) this.collections.set(key, (map = new Map()));
    return map as unknown as Map<string, T>;
  }

  /** Whether a collection holds an id, without creating the collection. */
  has(address: string[], id: string): boolean {
    return this.collections.get(address.join('/'))?.has(id) === true;
  }

  single(address: string[]): Entity | undefined {
    return this.singles.get(address.join('/'));
  }

  setSingle(address: string[], value: Entity): void {
    this.singles.set(address.join('/'), value);
  }

  deleteSingle(address: string[]): boolean {
    return this.singles.delete(address.join('/'));
  }

  /** Removes an entity and everything addressed below it (its contained collections and objects). */
  deleteEntity(collection: string[], id: string): boolean {
    const removed = this.collections.get(collection.join('/'))?.delete(id) === true;
    const prefix = [...collection, id].join('/') + '/';
    for (const key of [...this.collections.keys()]) if (key.startsWith(prefix)) this.collections.delete(key);
    for (const key of [...this.singles.keys()]) if (key.startsWith(prefix)) this.singles.delete(key);
    return removed;
  }
}
