/**
 * The CI workflows parse, have the shape GitHub expects, and every `graphpact` command line in them
 * names a real command with options that command (or, for can-i-deploy, the Pact CLI) accepts.
 */
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runPactCli } from '../../src/broker/pact-cli.js';
import { PACKAGE_ROOT, runCli } from '../broker/helpers.js';

const DIR = join(PACKAGE_ROOT, '.github/workflows');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: Step[]; needs?: string | string[]; strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown[]> } }>;
}

async function workflows(): Promise<Map<string, Workflow>> {
  const out = new Map<string, Workflow>();
  for (const name of (await readdir(DIR)).filter((n) => n.endsWith('.yml')).sort()) {
    out.set(name, parse(await readFile(join(DIR, name), 'utf8')) as Workflow);
  }
  return out;
}

/** `graphpact <command> --flags...` invocations in a run script (line continuations joined). */
export function invocations(script: string): { command: string; flags: string[]; line: string }[] {
  const joined = script.replace(/\\\n\s*/g, ' ');
  const found: { command: string; flags: string[]; line: string }[] = [];
  for (const line of joined.split('\n')) {
    const re = /bin\/graphpact\.js\s+([a-z][a-z-]*)([^|;&>\n]*)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const flags = (m[2].match(/(?<=\s|^)--[a-z][a-z-]*/g) ?? []).map((f) => f.trim());
      found.push({ command: m[1], flags, line: m[0].trim() });
    }
  }
  return found;
}

function allSteps(wf: Workflow): Step[] {
  return Object.values(wf.jobs).flatMap((job) => job.steps);
}

describe('.github/workflows', function () {
  this.timeout(30_000);
  let all: Map<string, Workflow>;
  before(async () => {
    all = await workflows();
  });

  it('ci.yml, nightly.yml and publish.yml parse and have triggers, jobs and steps', () => {
    expect([...all.keys()]).to.include.members(['ci.yml', 'nightly.yml', 'publish.yml']);
    for (const [name, wf] of all) {
      expect(wf.name, name).to.be.a('string');
      expect(wf.on, name).to.be.an('object');
      for (const [jobName, job] of Object.entries(wf.jobs)) {
        expect(job['runs-on'], `${name} ${jobName}`).to.be.a('string');
        expect(job.steps.length, `${name} ${jobName}`).to.be.greaterThan(0);
        for (const step of job.steps) expect(Boolean(step.run) !== Boolean(step.uses), `${name} ${jobName}: a step has either run or uses`).to.equal(true);
      }
    }
  });

  it('every graphpact command line names a real command and options it accepts', async () => {
    const helpOf = new Map<string, string>();
    let checked = 0;
    for (const [name, wf] of all) {
      for (const step of allSteps(wf)) {
        for (const inv of invocations(step.run ?? '')) {
          if (!helpOf.has(inv.command)) {
            const help = await runCli([inv.command, '--help']);
            expect(help.code, `${name}: "${inv.line}": graphpact has no command "${inv.command}"`).to.equal(0);
            let text = help.stdout;
            if (inv.command === 'can-i-deploy') text += (await runPactCli(['broker', 'can-i-deploy', '--help'])).stdout;
            helpOf.set(inv.command, text);
          }
          for (const flag of inv.flags) expect(helpOf.get(inv.command), `${name}: "${inv.line}": ${inv.command} has no option ${flag}`).to.match(new RegExp(`${flag}\\b`));
          checked++;
        }
      }
    }
    expect(checked).to.be.greaterThan(8);
  });

  it('the invocation scanner finds commands and flags (and misses nothing it should catch)', () => {
    expect(invocations('node bin/graphpact.js verify --reports reports | tee x')).to.deep.equal([{ command: 'verify', flags: ['--reports'], line: 'bin/graphpact.js verify --reports reports' }]);
    expect(invocations('node bin/graphpact.js publish --pact-dir c \\\n  --branch "$B"').map((i) => i.flags)).to.deep.equal([['--pact-dir', '--branch']]);
  });

  it('ci.yml: install, test, build, SARIF lint upload, verify gate, JUnit/HTML artifacts, step summary', () => {
    const steps = allSteps(all.get('ci.yml')!);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    const uses = steps.map((s) => s.uses ?? '');
    expect(uses).to.include.members(['actions/checkout@v4', 'actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3', 'actions/upload-artifact@v4']);
    for (const needle of ['npm ci', 'npm test', 'graphpact.js build', 'lint --format sarif --out reports/lint.sarif', 'graphpact.js verify', 'GITHUB_STEP_SUMMARY']) expect(runs).to.include(needle);
    const verify = steps.find((s) => s.run?.includes('graphpact.js verify'))!;
    expect(verify.if, 'the gate step must fail the job').to.equal(undefined);
    const artifact = String(steps.find((s) => s.uses === 'actions/upload-artifact@v4')?.with?.path);
    expect(artifact).to.include('verify.junit.xml').and.include('verify.html');
  });

  it('ci.yml: the suite runs on Node 20, 22 and 24 (every line package.json and the README promise), and checks it left no trace', async () => {
    const ci = all.get('ci.yml')!;
    const test = ci.jobs.test;
    expect(test.strategy?.matrix?.['node-version']).to.deep.equal([20, 22, 24]);
    expect(test.strategy?.['fail-fast'], 'one line failing must not hide the others').to.equal(false);
    expect(test.steps.find((s) => s.uses === 'actions/setup-node@v4')?.with?.['node-version']).to.equal('${{ matrix.node-version }}');
    const runs = test.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).to.include('npm ci').and.include('npm test').and.include('git status --porcelain');
    expect(ci.jobs.gate.needs).to.equal('test');
    const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).to.equal('^20.19.0 || ^22.0.0 || >=24.0.0');
    const readme = await readFile(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    expect(readme).to.match(/Node\.js 20\.19\+, 22 and 24/);
  });

  it('nightly.yml: schedule + dispatch, tenant secrets, verify beta with --allow-writes, cleanup always, diff with the last run', () => {
    const wf = all.get('nightly.yml')!;
    expect(wf.on).to.have.keys('schedule', 'workflow_dispatch');
    const text = JSON.stringify(wf);
    for (const secret of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']) expect(text).to.include(`secrets.${secret}`);
    const steps = allSteps(wf);
    const verify = steps.find((s) => s.run?.includes('graphpact.js verify'))!;
    expect(verify.run).to.include('--allow-writes');
    expect((wf as unknown as { env: Record<string, string> }).env.GRAPH_BASE_URL).to.equal('https://graph.microsoft.com/beta');
    const cleanupAfter = steps.slice(steps.indexOf(verify)).find((s) => s.run?.includes('graphpact.js cleanup'))!;
    expect(cleanupAfter.if).to.equal('always()');
    expect(steps.some((s) => s.run?.includes('gh run download'))).to.equal(true);
    expect(steps.some((s) => s.run?.includes('graphpact.js diff previous/verify.json reports/verify.json'))).to.equal(true);
  });

  it('publish.yml: publish on main with sha and branch, can-i-deploy gating the release', () => {
    const wf = all.get('publish.yml')!;
    const publish = allSteps(wf).find((s) => s.run?.includes('graphpact.js publish'))!;
    expect(publish.run).to.include('--consumer-app-version "$GITHUB_SHA"').and.include('--branch "$GITHUB_REF_NAME"');
    expect(JSON.stringify(wf)).to.include('secrets.PACT_BROKER_TOKEN');
    expect(wf.jobs.release.needs).to.equal('can-i-deploy');
    expect(wf.jobs['can-i-deploy'].steps.some((s) => s.run?.includes('graphpact.js can-i-deploy'))).to.equal(true);
  });
});
