/** The embedded reference provider: `startProvider()` and its options. See server.ts. */
export { startProvider, DEFAULT_SCHEMAS_DIR, type ProviderOptions, type RunningProvider } from './server.js';
export { QUIRKS, QUIRK_NAMES, type ProviderQuirks, type QuirkName, type QuirkRequest, type QuirkScope } from './quirks.js';
export { GRAPH_JSON_CONTENT_TYPE } from '../client/graph-types.js';
export { MAX_BODY_BYTES } from './body.js';
export type { ProviderState, StoredApplication, StoredKeyCredential } from './state.js';
