/** junit-report-builder, for lint and verify reports. */
import junitModule, { type Builder } from 'junit-report-builder';

// The package's runtime export is the builder itself (module.exports = builder) while its types declare a
// default export; under NodeNext either shape can arrive.
export const junit: Builder = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;
