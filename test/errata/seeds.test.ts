/**
 * The seeds' errata (apidocs/errata): all apply, each answers a finding lint really reports, and every
 * output shows them — schemas and OpenAPI (x-graphpact-errata), the contract's interaction comments,
 * lint's text/JSON/SARIF/JUnit marks. A changed page or a finding no longer reported makes an erratum
 * stale, which lint reports as an error. (The intent of the former src/contracts/repairs.ts tests.)
 */
import { expect } from 'chai';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromDocs, loadCatalog, type DocsBuild } from '../../src/schema/pipeline.js';
import { schemaSetFromFiles } from '../../src/schema/load.js';
import { requestSchemaPath, responseSchemaPath } from '../../src/model/schema-layout.js';
import { baselineOf, runLint } from '../../src/lint/run.js';
import { formatJson } from '../../src/lint/format/json.js';
import { formatText } from '../../src/lint/format/text.js';
import { formatSarif } from '../../src/lint/format/sarif.js';
import { formatJunit } from '../../src/lint/format/junit.js';
import { loadErrata } from '../../src/errata/index.js';
import { graphInteractions } from '../../src/contracts/interactions.js';
import { loadContractSources } from '../../src/contracts/sources.js';
import { StateValue, PARAMS } from '../../src/contracts/states.js';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BETA = 'apidocs/api/application-addkey.md';

describe('errata of the seeds', function () {
  this.timeout(60_000);
  let built: DocsBuild;
  before(async () => {
    built = await buildFromDocs([join(ROOT, 'apidocs')], { root: ROOT });
  });
  const addKey = (version: string) => built.catalog.operations.find((o) => o.id === 'applications.addKey' && o.version === version)!;

  it('all apply: none is stale, the build reports no erratum-stale', () => {
    expect(built.errataReport.stale).to.deep.equal([]);
    expect(built.errataReport.applied.length).to.equal(built.errata.length);
    expect(built.findings.filter((f) => f.ruleId === 'erratum-stale')).to.deep.equal([]);
  });

  it('loadCatalog (what serve --docs, verify, operations and the contracts read) is the corrected catalog; lint gets the documented one', async () => {
    const loaded = await loadCatalog([join(ROOT, 'apidocs')], { root: ROOT });
    const title = (c: typeof loaded.catalog) => c.operations.find((o) => o.id === 'applications.addKey' && o.version === 'beta')!.title;
    expect(title(loaded.catalog)).to.equal('application: addKey');
    expect(title(loaded.documented)).to.equal('application: addPasswordKey');
    expect(loaded.errataFindings).to.deep.equal([]);
  });

  it('beta addKey request example: documented names, a date-time, a base64 key and identifier, null passwordCredential, a proof', () => {
    const body = addKey('beta').examples[0].request!.body!;
    expect(body.value).to.deep.equal({
      keyCredential: { customKeyIdentifier: 'AAECAwQFBgcICQoLDA0ODxAREhM=', endDateTime: '2017-10-11T07:00:00Z', keyId: '633b1614-b669-47c5-961e-f4a45978ffff', type: 'AsymmetricX509Cert', usage: 'Verify', key: 'ZmFrZSBjZXJ0aWZpY2F0ZSBmb3IgY29udHJhY3QgZXhhbXBsZXM=' },
      passwordCredential: null,
      proof: '[REDACTED]',
    });
    expect(body.errata).to.deep.equal(['addkey-beta-request-end-date', 'addkey-beta-request-key', 'addkey-beta-custom-key-identifier', 'addkey-beta-request-proof']);
  });

  it('beta addKey response example: unwrapped, key instead of value (null when read), base64 identifier', () => {
    expect(addKey('beta').examples[0].response!.body!.value).to.deep.equal({ customKeyIdentifier: 'AAECAwQFBgcICQoLDA0ODxAREhM=', type: 'AsymmetricX509Cert', usage: 'Verify', key: null });
  });

  it('localtest addKey: the response unwrapped, @odata.type with "#", real permissions', () => {
    const op = addKey('localtest');
    expect(op.examples[0].response!.body!.value).to.deep.equal({ '@odata.type': '#microsoft.graph.keyCredential' });
    expect(op.examples[0].request!.body!.value).to.deep.include({ keyCredential: { '@odata.type': '#microsoft.graph.keyCredential' } });
    expect(op.permissions.flatMap((p) => p.scopes)).to.deep.equal(['Directory.AccessAsUser.All', 'Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All']);
    expect(op.errata).to.deep.equal(['addkey-localtest-permissions']);
  });

  it('the corrected examples validate against the corrected schemas', () => {
    const set = schemaSetFromFiles('memory', built.output.index, built.output.schemaFiles);
    for (const version of ['beta', 'localtest']) {
      const example = addKey(version).examples[0];
      const request = set.validator(requestSchemaPath(version, 'applications.addKey'));
      expect(request(example.request!.body!.value), `${version} request: ${JSON.stringify(request.errors)}`).to.equal(true);
      const response = set.validator(responseSchemaPath(version, 'applications.addKey'));
      expect(response(example.response!.body!.value), `${version} response: ${JSON.stringify(response.errors)}`).to.equal(true);
    }
  });

  it('the OpenAPI names the errata on the operation and on each corrected example', () => {
    const doc = built.output.files.get('openapi.beta.json') as any;
    const post = doc.paths['/applications/{id}/addKey'].post;
    expect(post['x-graphpact-errata']).to.include.members(['addkey-beta-request-body', 'addkey-beta-response-envelope', 'addkey-beta-title']);
    const requestExample = Object.values(post.requestBody.content['application/json'].examples)[0] as any;
    expect(requestExample['x-graphpact-errata']).to.include('addkey-beta-request-end-date');
    expect(requestExample.value.keyCredential.endDateTime).to.equal('2017-10-11T07:00:00Z');
    expect(doc.components.schemas['applications.addKey.request']['x-graphpact-errata']).to.include('addkey-beta-request-body');
    const create = doc.paths['/deviceAppManagement/sideLoadingKeys'].post;
    expect(create).to.not.have.property('x-graphpact-errata');
  });

  it('the contract\'s interactions name the errata their bodies follow (Pact V4 comments), and only those', async () => {
    const defs = graphInteractions(await loadContractSources());
    const byDescription = new Map(defs.map((d) => [d.description, d]));
    const asymmetric = byDescription.get('a request to add an AsymmetricX509Cert key to an application')!;
    expect(asymmetric.comments?.map((c) => c.split(':')[0])).to.deep.equal([
      'erratum addkey-beta-request-end-date', 'erratum addkey-beta-request-key', 'erratum addkey-beta-custom-key-identifier',
      'erratum addkey-beta-request-proof', 'erratum addkey-beta-response-envelope', 'erratum addkey-beta-response-key',
    ]);
    expect(byDescription.get('a request to add a key to an application that does not exist')!.comments).to.have.length(4);
    expect(byDescription.get('a request to create a sideLoadingKey')!.comments).to.equal(undefined);
    // Values only a provider state knows are bound to it, the corrected example as their example.
    const body = asymmetric.request.body as any;
    expect(body.keyCredential.key).to.be.instanceOf(StateValue).and.include({ param: PARAMS.newKey });
    expect(body.keyCredential.endDateTime).to.include({ param: PARAMS.newKeyEndDateTime, example: '2017-10-11T07:00:00Z' });
    expect(body.proof).to.include({ param: PARAMS.proof, example: '[REDACTED]' });
    const committed = JSON.parse(await readFile(join(ROOT, 'contracts/graphpact-graph.json'), 'utf8'));
    const written = committed.interactions.find((i: any) => i.description === asymmetric.description);
    expect(written.comments.text).to.deep.equal(asymmetric.comments);
  });

  describe('lint', () => {
    let run: Awaited<ReturnType<typeof runLint>>;
    before(async () => {
      run = await runLint({ baseline: false });
    });

    it('still reports every defect, each corrected one marked with its errata; every answer matches a finding', async () => {
      const errata = await loadErrata([join(ROOT, 'apidocs')], ROOT);
      const findings = run.report.findings;
      expect(findings.filter((f) => f.ruleId === 'erratum-stale')).to.deep.equal([]);
      for (const e of errata) {
        const marked = findings.filter((f) => f.errata?.includes(e.id));
        expect(marked.map((f) => f.ruleId).sort(), e.id).to.deep.equal(e.answers.map((a) => a.rule).sort());
        expect(marked.every((f) => f.file === e.file), e.id).to.equal(true);
      }
      const envelope = findings.find((f) => f.file === BETA && f.line === 96 && f.ruleId === 'example-response-envelope');
      expect(envelope?.errata).to.deep.equal(['addkey-beta-response-envelope']);
      // A defect no erratum corrects carries no mark.
      expect(findings.find((f) => f.ruleId === 'path-trailing-slash')).to.not.have.property('errata');
    });

    it('prints the marks in text, JSON, SARIF and JUnit', () => {
      const report = run.report;
      expect(formatText(report, { color: false })).to.include('example-response-envelope [corrected by erratum addkey-beta-response-envelope]');
      const json = JSON.parse(formatJson(report));
      expect(json.findings.find((f: any) => f.ruleId === 'title-h1-mismatch').errata).to.deep.equal(['addkey-beta-title']);
      const sarif = JSON.parse(formatSarif(report, { version: '0' }));
      const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'title-h1-mismatch');
      expect(result.properties).to.deep.equal({ errata: ['addkey-beta-title'] });
      expect(result.message.text).to.include('(corrected by erratum addkey-beta-title)');
      expect(formatJunit(report)).to.include('[corrected by erratum addkey-beta-title]');
    });
  });

  describe('stale errata are lint errors', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'graphpact-errata-'));
      await cp(join(ROOT, 'apidocs'), join(dir, 'apidocs'), { recursive: true });
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    const lint = async () => (await runLint({ docs: [join(dir, 'apidocs')], root: dir, baseline: false })).report;
    const edit = async (file: string, from: string, to: string) => {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text).to.include(from);
      await writeFile(join(dir, file), text.replace(from, to));
    };

    it('a faithful copy of the docs: no stale erratum', async () => {
      expect((await lint()).findings.filter((f) => f.ruleId === 'erratum-stale')).to.deep.equal([]);
    });

    it('an anchor gone from the page (the docs were fixed): the erratum is reported where it is written', async () => {
      await edit(BETA, '"endDate": "endDate=2017-10-11T07:00:00Z",', '"endDateTime": "2017-10-11T07:00:00Z",');
      const report = await lint();
      const stale = report.findings.filter((f) => f.ruleId === 'erratum-stale');
      // The example now uses the table's endDateTime row too, so the request-body erratum's answer went with it.
      expect(stale.map((f) => `${f.file}:${f.line} ${f.severity} ${f.message}`)).to.deep.equal([
        'apidocs/errata/application-addkey.yaml:8 error erratum "addkey-beta-request-body" is stale: lint no longer reports the finding it answers (request-table-unused-row, fingerprint bda3ab3984561bd6) on apidocs/api/application-addkey.md',
        'apidocs/errata/application-addkey.yaml:43 error erratum "addkey-beta-request-end-date" is stale: its anchor ""endDate": "endDate=2017-10-11T07:00:00Z"," is no longer in the page',
      ]);
      expect(report.exitCode).to.equal(1);
      expect(report.rules.find((r) => r.id === 'erratum-stale')?.purpose).to.match(/must be updated or removed/);
    });

    it('a baseline never accepts a stale erratum (errata must not rot silently)', async () => {
      await edit(BETA, '"endDate": "endDate=2017-10-11T07:00:00Z",', '"endDateTime": "2017-10-11T07:00:00Z",');
      const baselineFile = join(dir, 'lint-baseline.json');
      const first = await runLint({ docs: [join(dir, 'apidocs')], root: dir, baseline: false, writeBaseline: baselineFile });
      const baseline = baselineOf(first, baselineFile);
      expect(baseline.findings.some((f) => f.ruleId === 'erratum-stale')).to.equal(false);
      // Even a hand-written entry for it does not accept it.
      const stale = first.report.findings.find((f) => f.ruleId === 'erratum-stale')!;
      baseline.findings.push({ ruleId: 'erratum-stale', file: 'apidocs/errata/application-addkey.yaml', fingerprint: stale.fingerprint, message: stale.message });
      await writeFile(baselineFile, JSON.stringify(baseline));
      const again = await runLint({ docs: [join(dir, 'apidocs')], root: dir, baseline: baselineFile });
      expect(again.report.findings.filter((f) => f.ruleId === 'erratum-stale').map((f) => f.accepted)).to.deep.equal([false, false]);
      expect(again.report.findings.filter((f) => f.ruleId !== 'erratum-stale').every((f) => f.accepted)).to.equal(true);
      expect(again.report.exitCode).to.equal(1);
    });

    it('errata survive moving the docs (fingerprints name the page relative to its docs folder); the project-relative fingerprint lint prints is accepted too', async () => {
      const moved = join(dir, 'elsewhere', 'docs');
      await cp(join(dir, 'apidocs'), moved, { recursive: true });
      const report = (await runLint({ docs: [moved], root: dir, baseline: false })).report;
      expect(report.findings.filter((f) => f.ruleId === 'erratum-stale')).to.deep.equal([]);
      expect(report.findings.filter((f) => f.errata).length).to.be.greaterThan(20);
      // In the project, the fingerprint `lint --format json` prints (2b0e... for this finding) answers it as well.
      await edit('apidocs/errata/application-addkey.yaml', 'fingerprint: cac899bcb2265533', 'fingerprint: 2b0ef51bf12bdaac');
      const project = (await lint()).findings;
      expect(project.filter((f) => f.ruleId === 'erratum-stale')).to.deep.equal([]);
      expect(project.find((f) => f.fingerprint === '2b0ef51bf12bdaac')?.errata).to.deep.equal(['addkey-beta-response-key']);
    });

    it('a finding no longer reported: stale, with what lint reports there now', async () => {
      await edit('apidocs/errata/application-addkey.yaml', 'fingerprint: cac899bcb2265533', 'fingerprint: ffffffffffffffff');
      const stale = (await lint()).findings.filter((f) => f.ruleId === 'erratum-stale');
      expect(stale).to.have.length(1);
      expect(stale[0].message).to.equal('erratum "addkey-beta-response-key" is stale: lint no longer reports the finding it answers (example-response-unknown-property, fingerprint ffffffffffffffff) on apidocs/api/application-addkey.md');
      expect(stale[0].fix).to.include('line 100 fingerprint cac899bcb2265533');
    });

    it('a bad errata file: lint and build could not run (exit 2), naming file and line', async () => {
      await edit('apidocs/errata/application-addkey-localtest.yaml', '    reason: In a JSON payload', '    raison: In a JSON payload');
      for (const command of ['lint', 'build']) {
        const out = await runCli([command, '--docs', join(dir, 'apidocs'), ...(command === 'build' ? ['--out', join(dir, 'schemas')] : []), '--format', 'json']);
        expect(out.code, command).to.equal(2);
        expect(out.stdout + out.stderr, command).to.match(/application-addkey-localtest\.yaml:15: errata\[1\]: must have required property 'reason'/);
      }
    });
  });
});
