import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer, schemaProblems } from '../body-check.js';
import { requestTarget } from '../request-target.js';
import { widgetFixture, widgetPage, WIDGET_DEFAULTS, WIDGET_RESOURCE } from './fixtures.js';

const ENUMS_PAGE = `---
title: "Enum values"
description: "Enumeration values of the widget namespace."
---

# Enum values

Namespace: microsoft.graph

### widgetColour values

|Member|Value|Description|
|:---|:---|:---|
|red|0|Red.|
|blue|1|Blue.|
|unknownFutureValue|2|Evolvable enumeration sentinel value. Do not use.|
`;

function colourFixture(colour: string, at?: string): ReturnType<typeof widgetFixture> {
  const fixture = widgetFixture({
    bodyTable: `${WIDGET_DEFAULTS.bodyTable}\n|colour|[widgetColour](../resources/enums.md#widgetcolour-values)|Colour of the widget.|`,
    requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', `"size": 3,\n  ${colour}`),
  }, at);
  return { ...fixture, pages: { ...fixture.pages, 'resources/enums.md': ENUMS_PAGE } };
}

const BADGE_PAGE = `---
title: "badge resource type"
description: "A badge."
---

# badge resource type

Namespace: microsoft.graph

## Properties
|Property|Type|Description|
|:---|:---|:---|
|label|String|The label.|
|image|Binary|The picture, base64-encoded.|
`;

/** A widget created with a nested badge object (a nullable reference to the badge type). */
function badgeFixture(badge: string, at?: string): ReturnType<typeof widgetFixture> {
  const fixture = widgetFixture({
    bodyTable: `${WIDGET_DEFAULTS.bodyTable}\n|badge|[badge](../resources/badge.md)|The badge.|`,
    requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', `"size": 3,\n  "badge": {\n    "label": "gold",\n    ${badge}\n  }`),
  }, at);
  return { ...fixture, pages: { ...fixture.pages, 'resources/badge.md': BADGE_PAGE } };
}

export const rule: LintRule<'example'> = {
  id: 'example-request-invalid',
  severity: 'error',
  purpose: 'A request example body validates against the request schema built from the request body table (types, formats, enums).',
  given: 'example',
  check(subject, ctx) {
    const t = requestTarget(subject, ctx);
    const validate = t && ctx.validators.request(t.operation);
    if (!t || !validate) return [];
    // A property required by another page merged into the same operation (the Intune generator documents
    // one create per derived type) is not this page's to require: only its own table's rows are.
    const own = new Set((subject.page.requestBody?.properties ?? []).map((p) => p.name));
    return schemaProblems(validate, t.value, { truncated: false })
      .filter((p) => p.missing === undefined || p.pointer !== '' || own.has(p.missing))
      .map((p) => findingAt(rule, { file: subject.page.file, line: lineOfPointer(t.body, p.pointer) }, `request example: ${p.message}`));
  },
  examples: {
    ok: [
      widgetFixture(),
      // An enum documented as a `### x values` section of enums.md; Graph reads members in any case and a flags enum's comma list.
      colourFixture('"colour": "Red"'),
      colourFixture('"colour": "red,blue"'),
      // Two generated pages of one create merged: the other page's required "colour" is not this page's.
      {
        file: 'api/intune-widget-a-create.md',
        markdown: widgetPage({ bodyTable: WIDGET_DEFAULTS.bodyTable.replace('|Name of the widget.|', '|Name of the widget. Required.|') }),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE,
          'api/intune-widget-b-create.md': widgetPage({ bodyTable: WIDGET_DEFAULTS.bodyTable + '\n|colour|String|The colour. Required.|', requestBody: '{\n  "displayName": "Blue",\n  "size": 3,\n  "colour": "red"\n}' }),
        },
      },
      // A value elided in its middle (the docs' convention for long keys) inside a nested object: neither a
      // base64 error nor the nullable reference's "must be null".
      badgeFixture('"image": "iVBORw0KGgoAAAANSUhEUg...AAAABJRU5ErkJggg=="'),
      // An annotation a name/value table lists as a row ("@odata.type | microsoft.graph.widget") is not a property.
      widgetFixture({
        bodyTable: '|Name|Value|\n|:---|:---|\n|@odata.type|microsoft.graph.widget|\n|displayName|String|',
        requestBody: '{\n  "@odata.type": "microsoft.graph.widget",\n  "displayName": "Blue"\n}',
      }),
    ],
    notOk: [
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3.5') }, '"size": 3.5'),
      badgeFixture('"image": "not base64 at all!"', '"image"'),
      colourFixture('"colour": "purple"', '"colour": "purple"'),
    ],
  },
};
