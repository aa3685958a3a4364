/** Credentials helpers: self-signed certificates and addKey/removeKey proofs. */
export * from './certificate.js';
export * from './proof.js';
export * from './pfx.js';
