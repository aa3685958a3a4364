/**
 * Resource pages: type name, Properties/Relationships tables, enum members, JSON representation and the
 * resource annotation's facts (keyProperty, baseType, openType, abstract).
 */
import type { Annotation, Heading, JsonBody, PropertyRow, ResourcePage } from '../model/page.js';
import { annotationFlag } from './annotations.js';
import type { ContextBlock } from './blocks.js';
import { parseJsonBody } from './json-body.js';
import { stripMarkdown } from './markdown.js';
import { isPropertyTable, propertyRows } from './properties.js';
import type { Outline, Section } from './sections.js';
import { sectionProse, sectionsOf } from './sections.js';
import { addFinding, referenceLookup, type PageSource } from './source.js';
import { columnIndex, tablesInRange } from './tables.js';

/** The resource-specific part of a ResourcePage. */
export type ResourceFacts = Pick<ResourcePage, 'typeKind' | 'properties' | 'relationships'> &
  Partial<Pick<ResourcePage, 'typeName' | 'propertiesLine' | 'keyProperty' | 'baseType' | 'openType' | 'abstract' | 'enumMembers' | 'jsonRepresentation' | 'annotation'>>;

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

export function readEnumMembers(src: PageSource, sections: Section[]): NonNullable<ResourcePage['enumMembers']> {
  const members: NonNullable<ResourcePage['enumMembers']> = [];
  for (const section of sections) {
    for (const table of tablesInRange(src, section.start, section.end)) {
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
    if (members.length === 0) {
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

export function readResource(src: PageSource, outline: Outline, blocks: ContextBlock[], h1: Heading | undefined): ResourceFacts {
  const lookup = referenceLookup(src);
  const propertySections = sectionsOf(outline, 'properties');
  const rows = (sections: Section[]): PropertyRow[] =>
    sections.flatMap((s) => tablesInRange(src, s.start, s.end).filter(isPropertyTable).flatMap((t) => propertyRows(t, lookup)));
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
  if (!facts.typeName) {
    const fromH1 = typeNameFromH1(h1);
    if (fromH1) facts.typeName = fromH1;
  }

  let members = readEnumMembers(src, sectionsOf(outline, 'members'));
  if (members.length === 0 && isEnumH1(h1) && properties.length === 0) {
    members = membersFromProse(sectionProse(src, 0, src.tokens.length), h1?.line ?? 1);
  }
  if (members.length > 0) facts.enumMembers = members;

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
