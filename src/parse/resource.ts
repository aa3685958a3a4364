/**
 * Resource pages: type name, Properties/Relationships tables, enum members, JSON representation and the
 * resource annotation's facts (keyProperty, baseType, openType, abstract).
 */
import type { Annotation, EnumSection, Heading, JsonBody, PropertyRow, ResourcePage } from '../model/page.js';
import { annotationFlag } from './annotations.js';
import type { ContextBlock } from './blocks.js';
import { parseJsonBody } from './json-body.js';
import { stripMarkdown } from './markdown.js';
import { isPropertyTable, propertyRows, TYPE_HEADERS } from './properties.js';
import type { Outline, Section } from './sections.js';
import { sectionProse, sectionsOf } from './sections.js';
import { addFinding, referenceLookup, type PageSource } from './source.js';
import { columnIndex, tablesInRange } from './tables.js';

/** The resource-specific part of a ResourcePage. */
export type ResourceFacts = Pick<ResourcePage, 'typeKind' | 'properties' | 'relationships'> &
  Partial<Pick<ResourcePage, 'typeName' | 'propertiesLine' | 'keyProperty' | 'baseType' | 'proseBaseType' | 'openType' | 'abstract' | 'enumMembers' | 'enumSections' | 'namespace' | 'jsonRepresentation' | 'annotation'>>;

/**
 * Line ranges of "Instance attributes" headings (to the next heading of the same or a higher level): their
 * tables list instance annotations (`@microsoft.graph.downloadUrl`), which are no properties of the type
 * (the JSON carries them as annotations, which every schema accepts).
 */
function instanceAttributeLines(outline: Outline): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  outline.headings.forEach((h, k) => {
    if (!/^instance (attributes|annotations)$/i.test(h.text.trim())) return;
    const next = outline.headings.slice(k + 1).find((n) => n.level <= h.level);
    out.push([h.line, next?.line ?? Number.MAX_SAFE_INTEGER]);
  });
  return out;
}

/** `keyCredential resource type` → keyCredential; `# accessType enum type` → accessType. */
export function typeNameFromH1(h1: Heading | undefined): string | undefined {
  if (!h1) return undefined;
  const m = /^(.+?)\s+(?:resource|complex|entity|enum|enumeration)?\s*types?\b/i.exec(h1.text);
  const name = (m ? m[1] : '').trim().replace(/^`|`$/g, '');
  return /^[A-Za-z_][\w.]*$/.test(name) ? name : undefined;
}

function isEnumH1(h1: Heading | undefined): boolean {
  return !!h1 && /\benum(eration)?\b/i.test(h1.text);
}

export function readEnumMembers(src: PageSource, sections: Pick<Section, 'start' | 'end'>[], lists = true): NonNullable<ResourcePage['enumMembers']> {
  const members: NonNullable<ResourcePage['enumMembers']> = [];
  for (const section of sections) {
    for (const table of tablesInRange(src, section.start, section.end)) {
      // A Property|Type table is not a list of values.
      if (columnIndex(table, TYPE_HEADERS) >= 0) continue;
      let nameCol = columnIndex(table, ['member', 'name', 'members', 'value name']);
      if (nameCol < 0) nameCol = 0;
      const valueCol = columnIndex(table, ['value']);
      const descCol = columnIndex(table, ['description']);
      for (const row of table.rows) {
        const name = stripMarkdown(row.cells[nameCol] ?? '');
        if (!name) continue;
        const member: NonNullable<ResourcePage['enumMembers']>[number] = {
          name,
          description: descCol >= 0 ? (row.cells[descCol] ?? '') : '',
          line: row.line,
        };
        if (valueCol >= 0 && valueCol !== nameCol) member.value = stripMarkdown(row.cells[valueCol] ?? '');
        members.push(member);
      }
    }
    // List form: `- memberName` / `| value |` without a table.
    if (members.length === 0 && lists) {
      for (let i = section.start; i < section.end; i++) {
        const t = src.tokens[i];
        if (t.type === 'inline' && src.tokens[i - 2]?.type === 'list_item_open') {
          const name = stripMarkdown(t.content).split(/\s/)[0];
          if (/^[A-Za-z_]\w*$/.test(name)) members.push({ name, description: t.content, line: (t.map?.[0] ?? 0) + 1 });
        }
      }
    }
  }
  return members;
}

/** Enum values named in prose: "Possible values are: `a`, `b`, `c`." */
export function membersFromProse(text: string, line: number): NonNullable<ResourcePage['enumMembers']> {
  const m = /possible values (?:are|include)\s*:?\s*([^\n]+)/i.exec(text);
  if (!m) return [];
  const names = [...m[1].matchAll(/`([A-Za-z_]\w*)`/g)].map((x) => x[1]);
  return names.map((name) => ({ name, description: '', line }));
}

/** `### calendarRoleType values`, `#### ageGroup values`, `### \`chatType\` enumeration values` → the type name. */
const ENUM_SECTION = /^`?([A-Za-z_][\w.]*)`?\s+(?:enum(?:eration)?\s+|enum type\s+)?values$/i;

/** Headings that end in "values" without naming a type. */
const NOT_ENUM_NAMES = /^(possible|property|properties|return|returned|default|allowed|supported|valid|example|enum|enumeration|member|members|the|other|header|query|parameter|attribute|string|numeric|key)$/i;

/**
 * Enum types written as sections (`### <name> values` followed by a Member table) anywhere on a resource
 * page: the enums pages (`enums.md`, `enums-callrecords.md`) are made of nothing else, and many resource
 * pages document the enums of their own properties this way. A section runs to the next heading.
 * `null` rows document that the property is nullable, not a value.
 */
export function readEnumSections(src: PageSource, outline: Outline): EnumSection[] {
  const headings = [...outline.headingAt.entries()].filter(([, h]) => !h.tab && h.level >= 2).sort(([a], [b]) => a - b);
  const out: EnumSection[] = [];
  headings.forEach(([index, heading], k) => {
    const m = ENUM_SECTION.exec(heading.text.trim());
    if (!m || NOT_ENUM_NAMES.test(m[1])) return;
    const end = headings[k + 1]?.[0] ?? src.tokens.length;
    const members = readEnumMembers(src, [{ start: index + 3, end }], false).filter((member) => member.name.toLowerCase() !== 'null');
    if (members.length === 0) return;
    out.push({ file: src.file, line: heading.line, name: m[1], members });
  });
  return out;
}

/** `Namespace: microsoft.graph.callRecords` (a paragraph of its own near the top of the page). */
export function readNamespace(src: PageSource): string | undefined {
  for (let i = 0; i < Math.min(src.lines.length, 60); i++) {
    const m = /^\s*Namespace:\s*`?([A-Za-z][\w]*(?:\.[A-Za-z]\w*)+)`?\s*$/.exec(src.lines[i]);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Line ranges of H3+ subsections of a Properties section that list the fields of a JSON document held in
 * one of the type's String properties (the policies' `definition`: "### Properties of a token lifetime
 * policy definition", whose prose says the object is converted to a string for **definition**): those
 * fields live inside the string value, they are no properties of the type. A subsection is one when its
 * heading names a String property read above it, or its prose names one and speaks of JSON.
 */
function jsonStringFieldLines(src: PageSource, outline: Outline, section: Section, rowsAbove: (line: number) => PropertyRow[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const headings = [...outline.headingAt.entries()].filter(([i, h]) => !h.tab && i >= section.start && i < section.end).sort(([a], [b]) => a - b);
  headings.forEach(([index, h], k) => {
    if (h.level < 3) return;
    const next = headings.slice(k + 1).find(([, n]) => n.level <= h.level);
    const end = next?.[0] ?? section.end;
    const strings = rowsAbove(h.line).filter((r) => r.type.kind === 'primitive' && r.type.name === 'Edm.String' && r.name.length > 2);
    if (strings.length === 0) return;
    const prose = sectionProse(src, index + 3, end);
    const names = (text: string): boolean => strings.some((r) => new RegExp(`(^|[^\\w@.])${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`, 'i').test(text));
    if (names(h.text) || (/\bJSON\b/.test(prose) && names(prose))) out.push([h.line, next?.[1].line ?? Number.MAX_SAFE_INTEGER]);
  });
  return out;
}

/** "Inherits from [x]", "inherits the properties from [x]", "Derived from [x]", "a subclass from [x]", "is a subtype of [x]". */
export const BASE_PROSE = /\b(?:inherits\s+(?:the\s+)?(?:properties\s+)?from|derive[sd]?\s+from|subclass\s+(?:of|from)|is\s+an?\s+(?:derived\s+type|subtype)\s+of)\s+(?:the\s+)?(?:an?\s+)?\[?`?\*{0,2}([A-Za-z][\w.]*)/i;

/** The first base type the page's prose names ("inherits from mailFolder." ends a sentence: the dot is no part of the name). */
export function proseBaseOf(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const m = BASE_PROSE.exec(line);
    if (m) return m[1].replace(/\.+$/, '');
  }
  return undefined;
}

export function readResource(src: PageSource, outline: Outline, blocks: ContextBlock[], h1: Heading | undefined): ResourceFacts {
  const lookup = referenceLookup(src);
  const propertySections = sectionsOf(outline, 'properties');
  const annotations = instanceAttributeLines(outline);
  const within = (ranges: Array<[number, number]>, line: number): boolean => ranges.some(([from, to]) => line > from && line < to);
  const tablesOf = (s: Section, skip: Array<[number, number]>) => tablesInRange(src, s.start, s.end).filter((t) => isPropertyTable(t) && !within(annotations, t.line) && !within(skip, t.line));
  const rows = (sections: Section[]): PropertyRow[] =>
    sections.flatMap((s) => {
      const all = tablesOf(s, []);
      const skip = jsonStringFieldLines(src, outline, s, (line) => all.filter((t) => t.line < line).flatMap((t) => propertyRows(t, lookup)));
      return (skip.length === 0 ? all : tablesOf(s, skip)).flatMap((t) => propertyRows(t, lookup));
    });
  const properties = rows(propertySections);
  const relationships = rows(sectionsOf(outline, 'relationships'));

  const facts: ResourceFacts = { typeKind: 'unknown', properties, relationships };
  if (propertySections.length > 0) facts.propertiesLine = propertySections[0].line;

  const resourceBlock = blocks.find((b) => b.annotation?.blockType === 'resource');
  const annotation: Annotation | undefined = resourceBlock?.annotation;
  const jsonBlock = resourceBlock ?? blocks.find((b) => b.section === 'jsonRepresentation' && b.content.trimStart().startsWith('{'));
  if (annotation) applyAnnotation(facts, annotation);
  if (jsonBlock) {
    const body: JsonBody = parseJsonBody(jsonBlock.content.trimEnd(), src.file, jsonBlock.line);
    facts.jsonRepresentation = body;
    if (body.parse === 'invalid') addFinding(src, 'parse-json-invalid', 'warning', body.errorLine ?? body.line, `JSON representation could not be parsed: ${body.error}`);
  }
  if (!facts.baseType) {
    const prose = proseBaseOf(src.lines);
    if (prose) facts.proseBaseType = prose;
  }
  if (!facts.typeName) {
    const fromH1 = typeNameFromH1(h1);
    if (fromH1) facts.typeName = fromH1;
  }

  let members = readEnumMembers(src, sectionsOf(outline, 'members'));
  if (members.length === 0 && isEnumH1(h1) && properties.length === 0) {
    members = membersFromProse(sectionProse(src, 0, src.tokens.length), h1?.line ?? 1);
  }
  if (members.length > 0) facts.enumMembers = members;
  const enumSections = readEnumSections(src, outline);
  if (enumSections.length > 0) facts.enumSections = enumSections;
  const namespace = readNamespace(src);
  if (namespace) facts.namespace = namespace;

  facts.typeKind = members.length > 0 || (isEnumH1(h1) && properties.length === 0)
    ? 'enum'
    : facts.keyProperty || relationships.length > 0 || properties.some((p) => p.name === 'id')
      ? 'entity'
      : properties.length > 0 || annotation
        ? 'complex'
        : 'unknown';
  return facts;
}

function applyAnnotation(facts: ResourceFacts, annotation: Annotation): void {
  facts.annotation = annotation;
  const data = annotation.data;
  const odataType = typeof data['@odata.type'] === 'string' ? data['@odata.type'] : typeof data['@type'] === 'string' ? data['@type'] : undefined;
  if (odataType) facts.typeName = (odataType as string).replace(/^#/, '');
  if (typeof data.keyProperty === 'string') facts.keyProperty = data.keyProperty;
  if (typeof data.baseType === 'string') facts.baseType = data.baseType.replace(/^#/, '');
  if ('openType' in data) facts.openType = annotationFlag(data.openType);
  if ('abstract' in data) facts.abstract = annotationFlag(data.abstract);
}
