/**
 * Markdown building blocks for the rules' ok / not-ok fixtures: a small, clean "create widget" API page
 * and its resource page. Each rule's fixtures change one part, so the not-ok case shows exactly the defect.
 */
import type { RuleFixture } from '../types.js';

export const WIDGET_RESOURCE = `---
title: "widget resource type"
description: "A widget."
---

# widget resource type

Namespace: microsoft.graph

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Identifier. Read-only.|
|displayName|String|Name of the widget.|
|size|Int32|Size of the widget.|
|createdDateTime|DateTimeOffset|When the widget was created.|
|ownerId|Guid|The owner.|

## JSON representation
<!-- {
  "blockType": "resource",
  "keyProperty": "id",
  "@odata.type": "microsoft.graph.widget"
} -->
\`\`\`json
{
  "id": "String (identifier)",
  "displayName": "String",
  "size": 1024,
  "createdDateTime": "String (timestamp)",
  "ownerId": "Guid"
}
\`\`\`
`;

export interface WidgetParts {
  frontMatter: string | null;
  h1: string;
  permissions: string;
  httpRequest: string;
  /** Body of an `## Optional query parameters` section after the HTTP request; null: no such section. */
  queryParameters: string | null;
  headers: string;
  bodyTable: string;
  response: string;
  requestAnnotation: string;
  requestLine: string;
  requestBody: string;
  responseAnnotation: string;
  statusLine: string;
  responseBody: string;
}

export const WIDGET_DEFAULTS: WidgetParts = {
  frontMatter: 'title: "Create widget"\ndescription: "Create a new widget object."\nauthor: "graphpact"',
  h1: 'Create widget',
  permissions: `|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account)|Widget.ReadWrite.All|
|Delegated (personal Microsoft account)|Not supported.|
|Application|Widget.ReadWrite.All|`,
  httpRequest: 'POST /widgets',
  queryParameters: null,
  headers: `|Header|Value|
|:---|:---|
|Authorization|Bearer {token}. Required.|
|Content-Type|application/json. Required.|`,
  bodyTable: `|Property|Type|Description|
|:---|:---|:---|
|displayName|String|Name of the widget.|
|size|Int32|Size of the widget.|`,
  response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object in the response body.',
  requestAnnotation: '<!-- { "blockType": "request", "name": "create_widget" } -->',
  requestLine: 'POST https://graph.microsoft.com/v1.0/widgets',
  requestBody: `{
  "displayName": "Blue",
  "size": 3
}`,
  responseAnnotation: '<!-- { "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.widget" } -->',
  statusLine: 'HTTP/1.1 201 Created',
  responseBody: `{
  "id": "1",
  "displayName": "Blue",
  "size": 3,
  "createdDateTime": "2024-01-01T00:00:00Z"
}`,
};

/** The widget API page with some parts replaced. */
export function widgetPage(parts: Partial<WidgetParts> = {}): string {
  const p = { ...WIDGET_DEFAULTS, ...parts };
  const fm = p.frontMatter === null ? '' : `---\n${p.frontMatter}\n---\n\n`;
  return `${fm}# ${p.h1}

Namespace: microsoft.graph

Create a new widget.

## Permissions
${p.permissions}

## HTTP request
<!-- { "blockType": "ignored" } -->
\`\`\`http
${p.httpRequest}
\`\`\`
${p.queryParameters === null ? '' : `\n## Optional query parameters\n${p.queryParameters}\n`}
## Request headers
${p.headers}

## Request body
${p.bodyTable}

## Response
${p.response}

## Example
### Request
${p.requestAnnotation}
\`\`\`http
${p.requestLine}
Content-type: application/json

${p.requestBody}
\`\`\`

### Response
${p.responseAnnotation}
\`\`\`http
${p.statusLine}
Content-type: application/json

${p.responseBody}
\`\`\`
`;
}

/** A fixture of the widget page (as `api/widget-create.md`, beside `resources/widget.md`). */
export function widgetFixture(parts: Partial<WidgetParts> = {}, at?: string): RuleFixture {
  return {
    file: 'api/widget-create.md',
    markdown: widgetPage(parts),
    pages: { 'resources/widget.md': WIDGET_RESOURCE },
    ...(at !== undefined ? { at } : {}),
  };
}
