/**
 * The Graph resources the client speaks, as documented in apidocs/resources (hand-written: the client
 * is a consumer, it states what it relies on; the JSON Schemas say what a provider must return).
 */

/** The content type Microsoft Graph answers JSON with (the provider sends it; contracts use it as the example). */
export const GRAPH_JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export interface SideLoadingKey {
  '@odata.type'?: string;
  id?: string;
  value?: string;
  displayName?: string;
  description?: string;
  totalActivation?: number;
  lastUpdatedDateTime?: string;
}

export type KeyType = 'AsymmetricX509Cert' | 'X509CertAndPassword' | 'Symmetric';
export type KeyUsage = 'Verify' | 'Sign';

export interface KeyCredential {
  '@odata.type'?: string;
  customKeyIdentifier?: string | null;
  displayName?: string | null;
  endDateTime?: string | null;
  /** Base64 key material (a certificate's DER bytes); Graph returns null when read. */
  key?: string | null;
  keyId?: string | null;
  startDateTime?: string | null;
  type?: KeyType | string | null;
  usage?: KeyUsage | string | null;
}

export interface PasswordCredential {
  '@odata.type'?: string;
  customKeyIdentifier?: string | null;
  displayName?: string | null;
  endDateTime?: string | null;
  hint?: string | null;
  keyId?: string | null;
  /** The password: a secret, never logged. */
  secretText?: string | null;
  startDateTime?: string | null;
}

/** Body of `POST /applications/{id}/addKey`. */
export interface AddKeyBody {
  keyCredential: KeyCredential;
  passwordCredential?: PasswordCredential | null;
  /** Signed JWT proving possession of an existing key of the application: a secret. */
  proof: string;
}

/** Body of `POST /applications/{id}/removeKey`. */
export interface RemoveKeyBody {
  keyId: string;
  proof: string;
}

export interface Application {
  id?: string;
  appId?: string;
  displayName?: string;
  keyCredentials?: KeyCredential[];
  passwordCredentials?: PasswordCredential[];
  [property: string]: unknown;
}

export interface ODataCollection<T> {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: T[];
}

/** Graph's error envelope. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError?: { date?: string; 'request-id'?: string; 'client-request-id'?: string; [k: string]: unknown };
    [k: string]: unknown;
  };
}

export function isGraphErrorBody(body: unknown): body is GraphErrorBody {
  const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  return !!error && typeof error === 'object' && typeof error.code === 'string' && typeof error.message === 'string';
}
