/**
 * The proof on the shared corpus: several hundred documented operations, served by the Graph emulator of
 * those docs (what `graphpact serve --docs ../shared/corpus/graph-docs` runs), verify conformant end to end;
 * then faults injected in that provider, each scoped to one operation (wrong status, dropped property, value not
 * echoed, envelope around a single object, list without `value`, missing request-id), are each caught: exit 1 and
 * the report names the operation and the check. Skipped, saying why, when ../shared is not beside the project.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Catalog } from '../../src/model/catalog.js';
import type { OperationOutcome, VerificationReport } from '../../src/report/model.js';
import { buildFromDocs } from '../../src/schema/pipeline.js';
import { schemaSetFromFiles, type SchemaSet } from '../../src/schema/load.js';
import { selectionOf } from '../../src/select/index.js';
import { startProvider, type QuirkRequest } from '../../src/provider/index.js';
import { CHECK_NAMES } from '../../src/verify/checks.js';
import { DOCS_DEFECT_RULES, docsDefects } from '../../scripts/proof-exclusions.js';
import { runVerify } from '../../src/verify/run.js';
import { PACKAGE_ROOT, contractsDir } from './helpers.js';

const CORPUS = resolve(PACKAGE_ROOT, '..', 'shared', 'corpus', 'graph-docs');
/** Five path prefixes of the corpus, nothing hand-picked (the file says why). */
const PROOF_SELECTION = `@${resolve(PACKAGE_ROOT, 'scripts', 'corpus-selection.txt')}`;
const TOKEN = 'corpus-proof-token';

describe('corpus proof: hundreds of documented operations verified against the emulator of their docs', function () {
  this.timeout(20 * 60_000);
  let prebuilt: { catalog: Catalog; schemaSet: SchemaSet };
  let root: string;
  let conformant: VerificationReport;
  /** What the proof leaves out, and why (a lint finding). */
  let excluded: Map<string, string>;

  before(async function () {
    if (!existsSync(CORPUS)) {
      process.stderr.write(`corpus proof skipped: ${CORPUS} is not there (the shared corpus beside the project; CI has it)\n`);
      this.skip();
    }
    root = await mkdtemp(join(tmpdir(), 'graphpact-corpus-proof-'));
    const built = await buildFromDocs([CORPUS], { root: PACKAGE_ROOT });
    prebuilt = { catalog: built.catalog, schemaSet: schemaSetFromFiles('(corpus)', built.output.index, built.output.schemaFiles as Map<string, never>) };
    excluded = docsDefects(built.pages, built.catalog, prebuilt.schemaSet);
  });
  after(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

  async function verifyAgainst(quirks: QuirkRequest, selection: string): Promise<VerificationReport & { dir: string }> {
    // The emulator `graphpact serve --docs` starts, verified as any provider URL is.
    const provider = await startProvider({ port: 0, catalog: prebuilt.catalog, versions: ['beta'], quirks });
    try {
      const dir = await mkdtemp(join(root, 'r-'));
      const result = await runVerify({
        providerBaseUrl: `${provider.url}/beta`, token: TOKEN, prebuilt, selection: selectionOf(selection), concurrency: 8,
        pactDir: contractsDir(), schemasDir: join(PACKAGE_ROOT, 'schemas'), reportsDir: dir,
        timeoutMs: 20_000, checks: CHECK_NAMES, retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 50 },
      });
      return { ...(JSON.parse(await readFile(result.paths!.json, 'utf8')) as VerificationReport), dir };
    } finally {
      await provider.close();
    }
  }

  const failing = (r: VerificationReport) => r.operations.flatMap((o) => o.checks.filter((c) => c.status === 'fail').map((c) => `${o.id} × ${c.check} [${c.scenario}]: ${c.message}`));

  it('verifies conformant end to end (operations the emulator answers from a documented example lint rejects left out, each with its finding)', async () => {
    const selection = selectionOf(PROOF_SELECTION);
    const left = [...excluded].filter(([key]) => key.startsWith('beta:') && selection.matches(prebuilt.catalog.operations.find((op) => `${op.version}:${op.id}` === key)!));
    // Each exclusion names the lint finding behind it; they are a minority of the selection.
    expect(left.every(([, why]) => DOCS_DEFECT_RULES.some((rule) => why.startsWith(rule)))).to.equal(true);
    const byRule = DOCS_DEFECT_RULES.map((rule) => `${left.filter(([, why]) => why.startsWith(rule)).length} ${rule}`).join(', ');
    process.stderr.write(`corpus proof: ${left.length} operations left out, the emulator answering them from a documented example lint rejects (${byRule}): ${left.map(([key]) => key.slice('beta:'.length)).join(', ')}\n`);
    conformant = await verifyAgainst({}, [PROOF_SELECTION, ...left.map(([key]) => `!${key.slice('beta:'.length)}`)].join(','));
    const exercised = conformant.operations.filter((o) => o.checks.length > 0);
    expect(failing(conformant)).to.deep.equal([]);
    expect(conformant.exitCode).to.equal(0);
    // The exclusions stay a small minority of the selection.
    expect(left.length, 'operations left out for a docs defect').to.be.lessThan((conformant.operations.length + left.length) / 20);
    expect(conformant.operations.length).to.be.greaterThan(500);
    expect(exercised.length, 'operations exercised').to.be.greaterThan(400);
    expect(conformant.cleanup.leftovers).to.deep.equal([]);
  });

  it('each injected fault is caught: exit 1, the report names the operation and the check', async function () {
    if (!conformant) this.skip();
    const passed = conformant.operations.filter((o) => o.status === 'pass' || o.status === 'warn');
    const checked = (o: OperationOutcome, check: string) => o.checks.some((c) => c.check === check && c.status === 'pass');
    const used = new Set<string>();
    const pick = (why: string, ok: (o: OperationOutcome) => boolean): OperationOutcome => {
      const found = passed.find((o) => !used.has(o.id) && ok(o));
      if (!found) throw new Error(`no conformant operation to inject "${why}" into`);
      used.add(found.id);
      return found;
    };
    const create = (o: OperationOutcome) => o.id.endsWith('.create') && checked(o, 'create_echoes_request');
    const faults = [
      { quirk: 'wrongStatus', op: pick('wrongStatus', (o) => o.method === 'GET' && checked(o, 'status_code_conformance')), check: 'status_code_conformance' },
      { quirk: 'dropProperty', op: pick('dropProperty', create), check: 'create_echoes_request' },
      { quirk: 'notEchoed', op: pick('notEchoed', create), check: 'create_echoes_request' },
      { quirk: 'wrapInValue', op: pick('wrapInValue', (o) => o.id.endsWith('.get') && /\}$/.test(o.path) && checked(o, 'response_schema_conformance')), check: 'response_schema_conformance' },
      { quirk: 'listWithoutValue', op: pick('listWithoutValue', (o) => o.id.endsWith('.create') && checked(o, 'list_contains_created')), check: 'list_contains_created' },
      { quirk: 'omitRequestId', op: pick('omitRequestId', (o) => checked(o, 'request_id_present')), check: 'request_id_present' },
    ];
    // listWithoutValue rewrites the list's answers: it is scoped to the list the create's follow-up reads.
    const scopeOf = (f: (typeof faults)[number]) => (f.quirk === 'listWithoutValue' ? f.op.id.replace(/\.create$/, '.list') : f.op.id);
    const quirks: QuirkRequest = Object.fromEntries(faults.map((f) => [f.quirk, { operations: scopeOf(f) }]));
    const report = await verifyAgainst(quirks, faults.map((f) => f.op.id).join(','));
    expect(report.exitCode).to.equal(1);
    for (const f of faults) {
      const outcome = report.operations.find((o) => o.id === f.op.id);
      expect(outcome?.checks.filter((c) => c.status === 'fail').map((c) => c.check), `${f.quirk} on ${f.op.id}`).to.include(f.check);
    }
    // The JUnit and HTML reports name them too.
    const junit = await readFile(join(report.dir, 'verify.junit.xml'), 'utf8');
    const html = await readFile(join(report.dir, 'verify.html'), 'utf8');
    for (const f of faults) {
      expect(junit).to.contain(f.op.id);
      expect(html).to.contain(f.op.id);
    }
  });
});
