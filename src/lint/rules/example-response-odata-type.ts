import type { LintRule } from '../types.js';
import type { TypeDef } from '../../model/catalog.js';
import type { ApiPage, TypeRef } from '../../model/page.js';
import type { LintContext } from '../types.js';
import { findingAt } from '../report.js';
import { annotationKeyLine, baseWithProse, derivesFrom, documentedResponse, findType, listsAsDerived, localTypeName, pageVersionOf } from '../doc-facts.js';
import { qualifyTypeName } from '../../catalog/index.js';
import { exampleCall } from '../request-target.js';
import { widgetFixture, WIDGET_RESOURCE } from './fixtures.js';

/** `Collection(microsoft.graph.x)` → `microsoft.graph.x`. */
function unwrapCollection(name: string): string {
  const m = /^Collection\((.*)\)$/i.exec(name.trim());
  return m ? m[1] : name.trim();
}

/** Primitive and raw-content names (`String`, `Edm.Stream`, `stream`): not a Graph type of a JSON body. */
const PRIMITIVE = /^(edm\.)?(string|stream|binary|int\d*|boolean|double|guid|json|object)$/i;

/** The type defined by the page a documented type links to (`[NamedItem](../resources/nameditem.md)` → workbookNamedItem). */
function linkedType(page: ApiPage, ref: TypeRef, ctx: LintContext): TypeDef | undefined {
  if (!ref.link) return undefined;
  const resolved = page.links.find((l) => l.target === ref.link)?.resolved;
  if (!resolved) return undefined;
  for (const def of ctx.catalog.types.values()) if (def.source.file === resolved) return def;
  return undefined;
}

/** `conversationThread` / `ConversationThread`: the same name, only its first letter capitalised. */
function isCamelOfPascal(annotated: string, documented: string): boolean {
  return /^[a-z]/.test(annotated) && /^[A-Z]/.test(documented) && annotated.slice(1) === documented.slice(1);
}

/** `/me/onlineMeetings/{id}/meetingAttendanceReport` ends in meetingAttendanceReport (or its plural). */
function endsInTypeName(path: string, typeName: string): boolean {
  const segments = path.split('?')[0].split('/').filter((seg) => seg && !seg.startsWith('$'));
  const last = (segments.pop() ?? '').replace(/\(.*\)$/, '').toLowerCase();
  const name = typeName.toLowerCase();
  return last === name || last === `${name}s`;
}

/** A blueWidget page that does not say what it derives from. */
const BLUE_WIDGET_NO_BASE = WIDGET_RESOURCE.replace(/widget resource type/g, 'blueWidget resource type').replace('A widget.', 'A blue widget.').replace('"microsoft.graph.widget"', '"microsoft.graph.blueWidget"');

/**
 * Reports an annotation that names a type unrelated to the documented one. The same type spelled
 * differently (case, `Collection(...)`, a plural, the name of the linked page's type), a base or derived
 * type (Graph returns subtypes: a room for a place, a fileAttachment for an attachment), a raw-content
 * response (`"@odata.type": "stream"` of a CSV or `$value` download) and types this docs tree does not
 * define are not judged.
 */
export const rule: LintRule<'example'> = {
  id: 'example-response-odata-type',
  severity: 'warning',
  purpose: "A response annotation's @odata.type names the type the Response section says is returned (or a base or derived type of it).",
  given: 'example',
  check(subject, ctx) {
    const { page, example, operation } = subject;
    const ann = example.response?.annotation;
    const raw = ann?.data['@odata.type'];
    const documented = documentedResponse(page, operation)?.returnType;
    if (!ann || typeof raw !== 'string' || !raw.trim() || !documented || documented.kind !== 'named') return [];
    // Only an example calling a documented path is judged against the Response section: a path the page does
    // not document is example-path-mismatch's finding, and what it returns is not this section's.
    if (exampleCall(subject, ctx).kind !== 'documented') return [];
    const annotated = unwrapCollection(raw);
    if (PRIMITIVE.test(annotated)) return [];
    const at = { file: ann.file, line: annotationKeyLine(ann, '@odata.type') };
    const a = qualifyTypeName(annotated);
    const d = qualifyTypeName(documented.name);
    if (a === d) return [];
    // A name written without namespace (`updatableAssetGroup`) may live in another namespace
    // (`microsoft.graph.windowsUpdates`): then only the local names can be compared.
    if (!documented.name.includes('.') && localTypeName(a) === localTypeName(d)) return [];
    if (a.toLowerCase() === d.toLowerCase()) {
      // The annotation spells the type as its resource page does (`workbookNamedItem` under a Response
      // text saying `WorkbookNamedItem`): the annotation is right.
      if (findType(ctx.catalog, pageVersionOf(page, operation), a)?.name === a) return [];
      // `conversationThread` under a Response text saying `ConversationThread`: Graph's type names are
      // camelCase, so the capital is the prose's (a sentence-start habit), not the annotation's mistake.
      if (a.slice(0, a.lastIndexOf('.')) === d.slice(0, d.lastIndexOf('.')) && isCamelOfPascal(localTypeName(a), localTypeName(d))) return [];
      return [findingAt(rule, at, `annotation @odata.type "${raw}" differs only in case from the documented ${d}`, { fix: d })];
    }
    // `recentNotebooks` for recentNotebook: a plural of the same name.
    if (`${localTypeName(a)}s`.toLowerCase() === localTypeName(d).toLowerCase()) return [];
    const version = pageVersionOf(page, operation);
    const annotatedDef = findType(ctx.catalog, version, a);
    const documentedDef = findType(ctx.catalog, version, d) ?? linkedType(page, documented, ctx);
    if (!annotatedDef || !documentedDef || annotatedDef === documentedDef) return [];
    // A page documenting several paths (`/onlineMeetings/{id}` and `/onlineMeetings/{id}/meetingAttendanceReport`):
    // an example whose path ends in the annotated type's name is that navigation's, not the first path's.
    if (endsInTypeName(example.request?.path ?? '', localTypeName(annotatedDef.name))) return [];
    // The Response section names several returnable types ("a socialIdentityProvider or a
    // builtinIdentityProvider"): the annotation may name any of them.
    // A type the text names only as the part expanded into the returned object is not one of them.
    const part = page.response?.expandedPart;
    const isPart = part !== undefined && localTypeName(part.name).toLowerCase() === localTypeName(annotatedDef.name).toLowerCase();
    if (!isPart && new RegExp(`\\b${localTypeName(annotatedDef.name)}\\b`, 'i').test(page.response?.text ?? '')) return [];
    const baseOf = baseWithProse(ctx.sourceLines);
    if (derivesFrom(ctx.catalog, annotatedDef, documentedDef, baseOf) || derivesFrom(ctx.catalog, documentedDef, annotatedDef, baseOf)) return [];
    // A subtype whose own page never states its base, listed as derived on the base's page.
    if (listsAsDerived(documentedDef, annotatedDef, ctx.sourceLines) || listsAsDerived(annotatedDef, documentedDef, ctx.sourceLines)) return [];
    return [findingAt(rule, at, `annotation @odata.type "${raw}" names ${localTypeName(annotatedDef.name)}, which is not the documented returned type ${localTypeName(documentedDef.name)} nor a base or derived type of it`,
      { fix: documentedDef.name })];
  },
  examples: {
    ok: [
      widgetFixture(),
      // A derived type of the documented one (stated in its page's prose) is what Graph returns.
      {
        ...widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.blueWidget" } -->' }),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE,
          'resources/bluewidget.md': WIDGET_RESOURCE.replace(/widget resource type/g, 'blueWidget resource type').replace('A widget.', 'A blue widget.').replace('Namespace: microsoft.graph', 'Namespace: microsoft.graph\n\nDerived from [widget](widget.md).').replace('"microsoft.graph.widget"', '"microsoft.graph.blueWidget"'),
        },
      },
      // A CSV or $value download: raw content, no JSON type to compare.
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "stream" } -->' }),
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "Collection(microsoft.graph.widget)" } -->' }),
      // The Response text miscapitalises the type; the annotation spells it as its page does.
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a [Widget](../resources/widget.md) object in the response body.' }),
      // The subtype's page states no base; the documented type's page lists it among its derived types.
      {
        ...widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.blueWidget" } -->' }),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE.replace('Namespace: microsoft.graph', 'Namespace: microsoft.graph\n\nThis is a base type; the derived types are [blueWidget](bluewidget.md) and [redWidget](redwidget.md).'),
          'resources/bluewidget.md': BLUE_WIDGET_NO_BASE,
        },
      },
      // The Response text capitalises a type this docs tree has no page for; the annotation spells it camelCase.
      widgetFixture({
        response: 'If successful, this method returns a `201 Created` response code and a [WidgetThread](../resources/widgetthread.md) object in the response body.',
        responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widgetThread" } -->',
      }),
      // The page documents a second path, a navigation to the report; that example's annotation names the report.
      {
        ...widgetFixture({
          httpRequest: 'POST /widgets\nGET /widgets/{id}/widgetReport',
          requestLine: 'GET https://graph.microsoft.com/v1.0/widgets/1/widgetReport', requestBody: '',
          responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widgetReport" } -->',
        }),
        pages: { 'resources/widget.md': WIDGET_RESOURCE, 'resources/widgetreport.md': WIDGET_RESOURCE.replace(/widget\b/g, 'widgetReport') },
      },
      // The Response section names both returnable types.
      {
        ...widgetFixture({
          response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) or a [gadget](../resources/gadget.md) object in the response body.',
          responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.gadget" } -->',
        }),
        pages: { 'resources/widget.md': WIDGET_RESOURCE, 'resources/gadget.md': WIDGET_RESOURCE.replace(/widget/g, 'gadget') },
      },
      // The Response text links only the part expanded into the returned widget; the annotation names the widget.
      {
        ...widgetFixture({
          httpRequest: 'GET /widgets/{id}?$expand=gadgets', requestLine: 'GET https://graph.microsoft.com/v1.0/widgets/7?$expand=gadgets', requestBody: '',
          response: 'If successful, this method returns a `201 Created` response code and an object for the requested item, expanded with the matching [gadget](../resources/gadget.md) object.',
        }),
        pages: { 'resources/widget.md': WIDGET_RESOURCE, 'resources/gadget.md': WIDGET_RESOURCE.replace(/widget/g, 'gadget') },
      },
    ],
    notOk: [
      // The returned widget is named first, the gadget only as its expanded part: an annotation naming the part is wrong.
      {
        ...widgetFixture({
          httpRequest: 'GET /widgets/{id}?$expand=gadgets', requestLine: 'GET https://graph.microsoft.com/v1.0/widgets/7?$expand=gadgets', requestBody: '',
          response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object expanded with its [gadget](../resources/gadget.md).',
          responseAnnotation: '<!-- {\n  "blockType": "response",\n  "@odata.type": "microsoft.graph.gadget"\n} -->',
        }, '"microsoft.graph.gadget"'),
        pages: { 'resources/widget.md': WIDGET_RESOURCE, 'resources/gadget.md': WIDGET_RESOURCE.replace(/widget/g, 'gadget') },
      },
      {
        ...widgetFixture({ responseAnnotation: '<!-- {\n  "blockType": "response",\n  "@odata.type": "microsoft.graph.gadget"\n} -->' }, '"microsoft.graph.gadget"'),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE,
          'resources/gadget.md': WIDGET_RESOURCE.replace(/widget/g, 'gadget'),
        },
      },
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.Widget" } -->' }, '"blockType": "response"'),
      // The same report annotation on an example calling the documented POST /widgets.
      {
        ...widgetFixture({
          httpRequest: 'POST /widgets\nGET /widgets/{id}/widgetReport',
          responseAnnotation: '<!-- {\n  "blockType": "response",\n  "@odata.type": "microsoft.graph.widgetReport"\n} -->',
        }, '"microsoft.graph.widgetReport"'),
        pages: { 'resources/widget.md': WIDGET_RESOURCE, 'resources/widgetreport.md': WIDGET_RESOURCE.replace(/widget\b/g, 'widgetReport') },
      },
      // A case difference inside the name is the annotation's (widgetthread for WidgetThread).
      widgetFixture({
        response: 'If successful, this method returns a `201 Created` response code and a [WidgetThread](../resources/widgetthread.md) object in the response body.',
        responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widgetthread" } -->',
      }, '"blockType": "response"'),
      // The widget page lists other derived types, and mentions blueWidget only outside that list.
      {
        ...widgetFixture({ responseAnnotation: '<!-- {\n  "blockType": "response",\n  "@odata.type": "microsoft.graph.blueWidget"\n} -->' }, '"microsoft.graph.blueWidget"'),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE.replace('Namespace: microsoft.graph', 'Namespace: microsoft.graph\n\nThe derived types are [redWidget](redwidget.md) and [greenWidget](greenwidget.md).\n\nA widget is not a [blueWidget](bluewidget.md).'),
          'resources/bluewidget.md': BLUE_WIDGET_NO_BASE,
        },
      },
    ],
  },
};
