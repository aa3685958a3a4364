import { EntityStore } from './emulator/store.js';

/**
 * The provider's in-memory tenant: side loading keys and applications, shared by every API version.
 * Handlers read and write it synchronously (no await between a read and the write that depends on it),
 * so concurrent requests cannot lose updates on Node's single thread.
 */

/** A key credential as the directory keeps it: the certificate bytes stay server-side (reads show `key: null`). */
export interface StoredKeyCredential {
  keyId: string;
  customKeyIdentifier: string;
  displayName: string | null;
  startDateTime: string;
  endDateTime: string;
  type: string;
  usage: string;
  /** Base64 DER of the certificate, used to verify proofs. */
  certificate: string;
}

export interface StoredPasswordCredential {
  keyId: string;
  displayName: string | null;
  hint: string | null;
  startDateTime: string;
  endDateTime: string;
}

export interface StoredApplication {
  id: string;
  appId: string;
  displayName: string;
  description: string | null;
  signInAudience: string;
  createdDateTime: string;
  keyCredentials: StoredKeyCredential[];
  passwordCredentials: StoredPasswordCredential[];
}

export interface ProviderState {
  /** Every object the provider holds, by address; the two maps below are collections of it. */
  store: EntityStore;
  /** `deviceAppManagement/sideLoadingKeys` of the store. */
  sideLoadingKeys: Map<string, Record<string, unknown>>;
  /** `applications` of the store, as the hand-written routes keep them. */
  applications: Map<string, StoredApplication>;
  /** Requests received (throttled ones included). */
  requests: number;
  /** Requests answered 429 by the throttle option. */
  throttled: number;
}

export function emptyState(): ProviderState {
  const store = new EntityStore();
  return {
    store,
    sideLoadingKeys: store.collection(['deviceappmanagement', 'sideloadingkeys']),
    applications: store.collection<StoredApplication>(['applications']),
    requests: 0,
    throttled: 0,
  };
}
