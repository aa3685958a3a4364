export type { Erratum, Correction, ErrataReport, BodyProperty, AnsweredFinding } from './model.js';
export { applyErrata, type ErrataResult } from './apply.js';
export { loadErrata, parseErrataFile, ErrataError, ERRATA_FOLDER, ERRATA_SCHEMA_FILE } from './load.js';
export { locateAnchor, normaliseLine } from './anchor.js';
export { markAnsweredFindings, staleErrataFindings, ERRATUM_STALE, ERRATUM_STALE_PURPOSE } from './lint.js';
