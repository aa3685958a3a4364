import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture } from './fixtures.js';

const INCLUDE_FILE = 'includes/permissions/widget-create-permissions.md';
const TODAYS_PERMISSIONS = `Choose the permission or permissions marked as least privileged for this API.

<!-- { "blockType": "permissions", "name": "widget_create" } -->
[!INCLUDE [permissions-table](../${INCLUDE_FILE})]`;
const INCLUDE_TABLE = `---
description: "Generated permissions table of create widget"
ms.topic: include
---

|Permission type|Least privileged permissions|Higher privileged permissions|
|:---|:---|:---|
|Delegated (work or school account)|Widget.ReadWrite.All|Not available.|
|Delegated (personal Microsoft account)|Not supported.|Not supported.|
|Application|Widget.ReadWrite.All|Not available.|
`;

/** A Graph scope name: `User.Read`, `Sites.ReadWrite.All`, `PrintJob.Read.All`. */
const SCOPE = /\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)+\b/;

/** "None.", "No permissions are required", "doesn't require any permission". */
const NONE_REQUIRED = /^\s*none\.?\s*$|\bno (?:specific )?permissions? (?:is |are )?(?:required|needed)\b|\b(?:does not|doesn't) require (?:any )?permissions?\b/im;

/** The lines under a section heading, to the next heading (empty when the source is not known). */
function sectionText(lines: readonly string[] | undefined, headingLine: number): string {
  const out: string[] = [];
  for (let i = headingLine; lines && i < lines.length && !/^#{1,6}\s/.test(lines[i]); i++) out.push(lines[i]);
  return out.join('\n');
}

export const rule: LintRule<'api-page'> = {
  id: 'permissions-missing',
  severity: 'error',
  purpose: 'Every API page documents the permissions (or scopes) needed to call it.',
  given: 'api-page',
  check(page, ctx) {
    // Today's format: the permissions table is an include (read when the docs tree has it, else taken on trust).
    if (page.permissionsInclude) return [];
    // A page that documents no `METHOD path` (a resource page filed under api/) has no call to permit;
    // the catalog reports it (catalog-no-http-request).
    if (page.httpRequests.length === 0) return [];
    if (page.permissionsLine === undefined) {
      return [findingAt(rule, { file: page.file, line: page.h1?.line ?? 1 }, 'page has no Permissions section')];
    }
    if (page.permissions.every((p) => p.scopes.length === 0 && !p.raw.trim())) {
      const at = { file: page.file, line: page.permissionsLine };
      const prose = sectionText(ctx.sourceLines(page.file), page.permissionsLine);
      // Scopes named in sentences ("Call this API with User.Read.All"): documented, only not as a table;
      // "None." / "No permissions are required": documented as none.
      if (SCOPE.test(prose) || NONE_REQUIRED.test(prose)) return [];
      // "One of the delegated Universal Print permissions is required": says which kind, not which one.
      if (/\bpermissions?\b|permissions-reference/i.test(prose)) {
        return [findingAt(rule, at, 'Permissions section names no permission (it only refers to permissions in general)', { severity: 'warning' })];
      }
      return [findingAt(rule, at, 'Permissions section lists no permission')];
    }
    return [];
  },
  examples: {
    ok: [
      widgetFixture(),
      // Today's format, the include not in the docs tree: the page documents its permissions elsewhere.
      widgetFixture({ permissions: TODAYS_PERMISSIONS }),
      // Today's format with the include present: its table is the page's permissions.
      { ...widgetFixture({ permissions: TODAYS_PERMISSIONS }), pages: { ...widgetFixture().pages, [INCLUDE_FILE]: INCLUDE_TABLE } },
      // A call that needs no permission, said so.
      widgetFixture({ permissions: 'No permissions are required to call this API.' }),
      // Scopes named in a sentence rather than a table.
      widgetFixture({ permissions: 'Call this API with the delegated or application permission Widget.ReadWrite.All.' }),
      // The annotation alone.
      widgetFixture({ permissions: '<!-- { "blockType": "permissions", "name": "widget_create" } -->' }),
      { file: 'api/widget.md', markdown: '---\ntitle: "widget resource type"\ndescription: "A widget."\n---\n\n# widget resource type\n\nA widget.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|Id.|\n' },
    ],
    notOk: [
      { ...widgetFixture({ permissions: 'None documented yet.' }), at: '## Permissions' },
      // A sentence about permissions in general names none (reported, as a warning).
      { ...widgetFixture({ permissions: 'One of the delegated widget [permissions](/graph/permissions-reference) is required to call this API.' }), at: '## Permissions' },
      // An include of something else is not a permissions table.
      { ...widgetFixture({ permissions: '[!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]' }), at: '## Permissions' },
    ],
  },
};
