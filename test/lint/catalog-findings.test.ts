/** How lint reports the catalog's findings: conceptual pages are no defect, a page missing from the tree is an info. */
import { expect } from 'chai';
import type { Finding } from '../../src/model/finding.js';
import type { ParsedPage } from '../../src/model/page.js';
import { calibrateCatalogFindings, calibrateSchemaFindings } from '../../src/lint/catalog-findings.js';

const page = (file: string, docType: string): ParsedPage =>
  ({ kind: 'resource', file, frontMatter: { doc_type: docType }, headings: [], links: [], findings: [], typeKind: 'unknown', properties: [], relationships: [] }) as ParsedPage;
const unresolved = (link: string): Finding => ({
  ruleId: 'catalog-unresolved-type', severity: 'warning', file: 'docs/v1.0/api/device-list.md', line: 5,
  message: `devices.list response: type "directoryObject" is defined by no resource page (link ${link}); its schema accepts any value`,
});

describe('lint: catalog findings as reported', () => {
  it('drops the untyped-resource note of a conceptual page, keeps it for a resource page', () => {
    const files = ['docs/v1.0/resources/onedrive.md', 'docs/v1.0/resources/search-api-overview.md', 'docs/v1.0/resources/widget.md'];
    const findings: Finding[] = files.map((file) => ({ ruleId: 'catalog-untyped-resource', severity: 'info', file, line: 10, message: 'names no type' }));
    const pages = [page(files[0], 'conceptualPageType'), page(files[1], 'resourcePageType'), page(files[2], 'resourcePageType')];
    expect(calibrateCatalogFindings(findings, pages, pages.map((p) => p.file)).map((f) => f.file)).to.deep.equal(['docs/v1.0/resources/widget.md']);
  });

  it('makes a type linked to a page absent from the docs tree an info; a present page stays a warning', () => {
    const known = ['docs/v1.0/api/device-list.md', 'docs/v1.0/resources/enums.md'];
    const [absent, present] = calibrateCatalogFindings([unresolved('../resources/directoryobject.md'), unresolved('../resources/enums.md#x-values')], [], known);
    expect(absent.severity).to.equal('info');
    expect(absent.message).to.include('not in this docs tree');
    expect(present.severity).to.equal('warning');
  });

  it('makes a base type with no page of its name in the tree an info; one whose page is there stays a warning', () => {
    const baseMissing = (base: string): Finding => ({ ruleId: 'schema-unresolved-base-type', severity: 'warning', file: 'docs/beta/resources/widget.md', line: 10,
      message: `microsoft.graph.widget: base type ${base} is defined by no resource page; its properties are not inherited` });
    // directoryobject.md is there for v1.0 only: for the beta page it is absent.
    const known = ['docs/beta/resources/widget.md', 'docs/beta/resources/thing.md', 'docs/beta/resources/ediscovery-datasource.md', 'docs/v1.0/resources/directoryobject.md'];
    const [absent, present, namespaced] = calibrateSchemaFindings(
      [baseMissing('microsoft.graph.directoryObject'), baseMissing('microsoft.graph.thing'), baseMissing('microsoft.graph.ediscovery.dataSource')], known);
    expect(absent.severity).to.equal('info');
    expect(absent.message).to.include('no page of that name is in this docs tree');
    expect(present.severity).to.equal('warning');
    expect(namespaced.severity).to.equal('warning');
  });

  it('makes an unlinked plural of a defined type ("collection of **secureScores** objects") an info; an unknown name stays a warning', () => {
    const unlinked = (name: string): Finding => ({ ruleId: 'catalog-unresolved-type', severity: 'warning', file: 'docs/v1.0/api/list.md', line: 30,
      message: `security.secureScores.list response: type "${name}" is defined by no resource page; its schema accepts any value` });
    const typed = { ...page('docs/v1.0/resources/securescore.md', 'resourcePageType'), typeName: 'microsoft.graph.secureScore' } as ParsedPage;
    const [plural, unknown] = calibrateCatalogFindings([unlinked('secureScores'), unlinked('numeric')], [typed], ['docs/v1.0/api/list.md']);
    expect(plural.severity).to.equal('info');
    expect(plural.message).to.include('plural of secureScore');
    expect(unknown.severity).to.equal('warning');
  });

  it('makes an unlinked type that only another version of the tree defines an info; one no version defines stays a warning', () => {
    const unlinked = (name: string): Finding => ({ ruleId: 'catalog-unresolved-type', severity: 'warning', file: 'docs/beta/resources/card.md', line: 12,
      message: `microsoft.graph.card property createdBy: type "${name}" is defined by no resource page; its schema accepts any value` });
    const withVersion = (p: ParsedPage, version: string) => ({ ...p, version: { value: version, source: 'folder', line: 1 } }) as ParsedPage;
    const card = withVersion(page('docs/beta/resources/card.md', 'resourcePageType'), 'beta');
    const v1 = withVersion({ ...page('docs/v1.0/resources/identityset.md', 'resourcePageType'), typeName: 'microsoft.graph.identitySet' } as ParsedPage, 'v1.0');
    const [other, none] = calibrateCatalogFindings([unlinked('IdentitySet'), unlinked('PersonSet')], [card, v1], []);
    expect(other.severity).to.equal('info');
    expect(other.message).to.include('v1.0 defines it here');
    expect(none.severity).to.equal('warning');
    // Defined in the page's own version too: not this case (the catalog would have resolved it), stays as it was.
    const beta = withVersion({ ...page('docs/beta/resources/identityset.md', 'resourcePageType'), typeName: 'microsoft.graph.identitySet' } as ParsedPage, 'beta');
    expect(calibrateCatalogFindings([unlinked('IdentitySet')], [card, v1, beta], [])[0].severity).to.equal('warning');
  });

  it('makes an unlinked type whose row lists its possible values (an enum the row documents) an info; a row without values stays a warning', () => {
    const row = (line: number, name: string, description: string) => ({ file: 'docs/v1.0/resources/shelf.md', line, name, type: { raw: name, kind: 'named', name, collection: false }, description });
    const shelf = { ...page('docs/v1.0/resources/shelf.md', 'resourcePageType'), version: { value: 'v1.0', source: 'folder', line: 1 },
      properties: [row(20, 'kind', 'What it holds. The possible values are: `books`, `plants`, `unknownFutureValue`.'), row(21, 'frame', 'What it is made of.')] } as ParsedPage;
    const unresolvedAt = (line: number, type: string): Finding => ({ ruleId: 'catalog-unresolved-type', severity: 'warning', file: 'docs/v1.0/resources/shelf.md', line,
      message: `microsoft.graph.shelf property x: type "${type}" is defined by no resource page; its schema accepts any value` });
    const [listed, plain] = calibrateCatalogFindings([unresolvedAt(20, 'shelfKind'), unresolvedAt(21, 'shelfFrame')], [shelf], []);
    expect(listed.severity).to.equal('info');
    expect(listed.message).to.include('the row lists its values');
    expect(plain.severity).to.equal('warning');
  });
});
