import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer } from '../body-check.js';
import { localTypeName } from '../doc-facts.js';
import { responseTarget } from '../response-target.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-response-envelope',
  severity: 'error',
  purpose: 'A response returning one object is that object, not wrapped in an undocumented {"value": ...} or {"<type>": ...} envelope.',
  given: 'example',
  check(subject, ctx) {
    const t = responseTarget(subject, ctx);
    if (!t?.envelope) return [];
    const type = t.documented.returnType ? localTypeName(t.documented.returnType.name) : 'object';
    return [findingAt(rule, { file: subject.page.file, line: lineOfPointer(t.body, t.prefix) },
      `response body wraps the returned ${type} in an undocumented "${t.envelope.key}" envelope`,
      { fix: `return the ${type} object itself (remove the "${t.envelope.key}" wrapper)` })];
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      widgetFixture({ responseBody: '{\n  "value": {\n    "id": "1",\n    "displayName": "Blue"\n  }\n}' }, '"value": {'),
      widgetFixture({ responseBody: '{\n  "widget": {\n    "id": "1"\n  }\n}' }, '"widget": {'),
    ],
  },
};
