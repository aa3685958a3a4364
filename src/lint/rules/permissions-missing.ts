import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'api-page'> = {
  id: 'permissions-missing',
  severity: 'error',
  purpose: 'Every API page documents the permissions (or scopes) needed to call it.',
  given: 'api-page',
  check(page) {
    if (page.permissionsLine === undefined) {
      return [findingAt(rule, { file: page.file, line: page.h1?.line ?? 1 }, 'page has no Permissions section')];
    }
    if (page.permissions.every((p) => p.scopes.length === 0 && !p.raw.trim())) {
      return [findingAt(rule, { file: page.file, line: page.permissionsLine }, 'Permissions section lists no permission')];
    }
    return [];
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      { ...widgetFixture({ permissions: 'None documented yet.' }), at: '## Permissions' },
    ],
  },
};
