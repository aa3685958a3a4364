import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The project's own beta OpenAPI and the sideLoadingKey interactions of its contract (addKey waits for errata). */
async function fixtures(dir: string, change?: (pact: any) => void): Promise<{ openapi: string; pactDir: string }> {
  const pact = JSON.parse(await readFile(join(ROOT, 'contracts', 'graphpact-graph.json'), 'utf8'));
  pact.interactions = pact.interactions.filter((i: any) => i.request.path === '/deviceAppManagement/sideLoadingKeys');
  expect(pact.interactions.length).to.be.greaterThan(1);
  change?.(pact);
  const pactDir = join(dir, 'pacts');
  await mkdir(pactDir, { recursive: true });
  await writeFile(join(pactDir, 'graphpact-graph.json'), JSON.stringify(pact, null, 2));
  return { openapi: join(ROOT, 'schemas', 'openapi.beta.json'), pactDir };
}

describe('graphpact compare (PactFlow openapi-pact-comparator)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'graphpact-compare-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a compatible contract: exit 0, no errors (success, 400 and 401 interactions all have a response)', async () => {
    const { openapi, pactDir } = await fixtures(dir);
    const { code, stdout } = await runCli(['compare', '--openapi', openapi, '--pact-dir', pactDir, '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report.results.filter((r: any) => r.severity === 'error'), stdout).to.deep.equal([]);
    expect(report.contracts[0].interactions).to.be.greaterThan(1);
    expect(code).to.equal(0);
  });

  it('an incompatible contract: exit 1, each incompatibility with its interaction and the OpenAPI location', async () => {
    const { openapi, pactDir } = await fixtures(dir, (pact) => {
      const created = pact.interactions.find((i: any) => i.response.status === 201);
      created.description = 'a create answered with a redirect';
      created.response.status = 302;
    });
    const { code, stdout } = await runCli(['compare', '--openapi', openapi, '--pact-dir', pactDir, '--format', 'json']);
    expect(code).to.equal(1);
    const report = JSON.parse(stdout);
    expect(report.errors).to.equal(1);
    expect(report.results[0]).to.include({ severity: 'error', code: 'response.status.unknown', interaction: 'a create answered with a redirect', operation: 'POST /deviceAppManagement/sideLoadingKeys' });
    expect(report.results[0].openapiLocation).to.equal('[root].paths./deviceAppManagement/sideLoadingKeys.post.responses');
    const text = await runCli(['compare', '--openapi', openapi, '--pact-dir', pactDir]);
    expect(text.code).to.equal(1);
    expect(text.stdout).to.match(/NOT compatible: 1 error/).and.to.contain('interaction: a create answered with a redirect');
    const junit = await runCli(['compare', '--openapi', openapi, '--pact-dir', pactDir, '--format', 'junit']);
    expect(junit.stdout).to.contain('<failure').and.to.contain('response.status.unknown');
    expect((junit.stdout.match(/<testcase /g) ?? []).length).to.equal(JSON.parse(await readFile(join(pactDir, 'graphpact-graph.json'), 'utf8')).interactions.length);
  });

  it('could not run: a contract that is not JSON is one line naming file and line, exit 2', async () => {
    const { openapi, pactDir } = await fixtures(dir);
    await writeFile(join(pactDir, 'broken.json'), '{\n  "interactions": [\n    oops\n  ]\n}\n');
    const { code, stdout, stderr } = await runCli(['compare', '--openapi', openapi, '--pact-dir', pactDir]);
    expect(code).to.equal(2);
    expect(stdout).to.equal('');
    expect(stderr.trim().split('\n')).to.have.length(1);
    expect(stderr).to.contain(`${join(pactDir, 'broken.json')}:3:`).and.not.to.contain('    at ');
  });

  it('could not run: a missing OpenAPI file, a document that is not OpenAPI, an empty contracts folder', async () => {
    const { pactDir } = await fixtures(dir);
    const missing = await runCli(['compare', '--openapi', join(dir, 'nope.json'), '--pact-dir', pactDir, '--format', 'json']);
    expect(missing.code).to.equal(2);
    expect(JSON.parse(missing.stdout)).to.include({ outcome: 'could-not-run', exitCode: 2 });
    await writeFile(join(dir, 'not-openapi.json'), '{"hello": 1}');
    const notOpenApi = await runCli(['compare', '--openapi', join(dir, 'not-openapi.json'), '--pact-dir', pactDir]);
    expect(notOpenApi.code).to.equal(2);
    expect(notOpenApi.stderr).to.contain('not-openapi.json:1: not an OpenAPI document');
    await mkdir(join(dir, 'empty'));
    const empty = await runCli(['compare', '--openapi', join(ROOT, 'schemas', 'openapi.beta.json'), '--pact-dir', join(dir, 'empty')]);
    expect(empty.code).to.equal(2);
    expect(empty.stderr).to.contain('no Pact contract');
  });

  it('--help describes the options; a bad --format is a usage error (exit 2)', async () => {
    const help = await runCli(['compare', '--help']);
    expect(help.stdout).to.contain('--openapi').and.to.contain('--pact-dir').and.to.contain('junit');
    const bad = await runCli(['compare', '--format', 'xml']);
    expect(bad.code).to.equal(2);
  });
});
