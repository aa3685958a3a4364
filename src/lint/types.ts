/**
 * The lint rule framework (modelled on remark-lint and Spectral): a rule is data — an id, a severity,
 * a one-line purpose, what it is `given` (a page, an API page, a resource page, an operation or an
 * example) and a pure `check` — plus the ok / not-ok fixtures that double as its tests.
 */
import type { Catalog, Operation } from '../model/catalog.js';
import type { Finding, Severity } from '../model/finding.js';
import type { ApiPage, Example, ParsedPage, ResourcePage } from '../model/page.js';
import type { SchemaValidator } from '../schema/load.js';

/** What a rule looks at. */
export type Given = 'page' | 'api-page' | 'resource-page' | 'operation' | 'example';

/** One documented example with what a rule needs around it. */
export interface ExampleSubject {
  page: ApiPage;
  example: Example;
  /** The catalog operation the page documents, when the catalog has one. */
  operation?: Operation;
}

export interface SubjectOf {
  page: ParsedPage;
  'api-page': ApiPage;
  'resource-page': ResourcePage;
  operation: Operation;
  example: ExampleSubject;
}

/** Compiled validators of an operation's request / success response body (undefined: no schema). */
export interface BodyValidators {
  request(operation: Operation): SchemaValidator | undefined;
  response(operation: Operation): SchemaValidator | undefined;
}

/** Everything a rule may read besides its subject. Read-only; rules never do I/O. */
export interface LintContext {
  catalog: Catalog;
  validators: BodyValidators;
  /** Every docs file known to the run ('/' separated, as pages name them), for "did you mean" fixes. */
  knownFiles: readonly string[];
  /** The operation documented by a page file, when there is one. */
  operationOf(file: string): Operation | undefined;
  /** The source lines of a docs file (index 0 = line 1), when known: for positions the parsed data lacks. */
  sourceLines(file: string): readonly string[] | undefined;
}

/**
 * A fixture: a markdown snippet linted as `file` (default `api/fixture.md`), with optional extra pages
 * (resource pages it links to). For not-ok fixtures, `line` is where the finding must be reported.
 */
export interface RuleFixture {
  markdown: string;
  file?: string;
  line?: number;
  /** Alternative to `line`: the finding is on the first line containing this text. */
  at?: string;
  /** Other pages of the fixture's docs tree: path → markdown. */
  pages?: Record<string, string>;
}

export interface LintRule<G extends Given = Given> {
  id: string;
  /** Default severity; a finding may carry a different one where the rule says why. */
  severity: Severity;
  purpose: string;
  given: G;
  check(subject: SubjectOf[G], ctx: LintContext): Finding[];
  examples: { ok: RuleFixture[]; notOk: RuleFixture[] };
}

/** Any rule, whatever it is given (a union, so `check` stays type-safe per kind). */
export type AnyLintRule = { [G in Given]: LintRule<G> }[Given];

/** A finding as reported: accepted when the baseline lists it. */
export interface ReportedFinding extends Finding {
  fingerprint: string;
  accepted: boolean;
  /** Ids of the errata (apidocs/errata) that correct this defect in every output; the docs still have it. */
  errata?: string[];
}

/** Rule metadata for reports (SARIF rules, JUnit), including parser/catalog finding ids. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  purpose: string;
}
