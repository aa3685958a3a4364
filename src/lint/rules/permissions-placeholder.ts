import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

const PLACEHOLDER = /\bTODO\b|\bTBD\b|\{scopes?\}|<scopes?>|determine scopes/i;

export const rule: LintRule<'api-page'> = {
  id: 'permissions-placeholder',
  severity: 'error',
  purpose: 'Permissions name real scopes, not placeholders such as "TODO: Determine scopes".',
  given: 'api-page',
  check(page) {
    return page.permissions
      .filter((p) => PLACEHOLDER.test(p.raw) || p.scopes.some((s) => PLACEHOLDER.test(s)))
      .map((p) => findingAt(rule, p, `permission "${p.type}" is a placeholder ("${p.raw.replace(/\*/g, '').trim()}"), not a scope`));
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      widgetFixture({ permissions: WIDGET_DEFAULTS.permissions.replace('|Application|Widget.ReadWrite.All|', '|Application|**TODO: Determine AppOnly scopes **|') }, '|Application|'),
    ],
  },
};
