import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeReports } from '../../src/report/merge.js';
import { countStatuses, type VerificationReport } from '../../src/report/model.js';
import { runCli } from '../helpers/cli.js';
import { sampleReport } from './fixture.js';

/** A conformant shard verifying one other operation, with the same (passing) Pact interactions. */
function otherShard(): VerificationReport {
  const base = sampleReport();
  const pact = { ...base.pact, interactions: base.pact.interactions.map((i) => ({ ...i, status: 'pass' as const, mismatches: [] })) };
  const operations = [{ id: 'applications.list', version: 'beta', method: 'GET', path: '/applications', status: 'pass' as const, responseProperties: ['value'],
    checks: [{ check: 'status_code_conformance', scenario: 'success' as const, status: 'pass' as const, message: 'ok', request: { method: 'GET', path: '/applications' }, httpStatus: 200 }] }];
  return { ...base, runId: 'r2', outcome: 'conformant', exitCode: 0, pact, operations, totals: countStatuses(operations, pact), cleanup: { created: 1, deleted: 1, leftovers: [] } };
}

describe('report merge', () => {
  it('merges shards: operations side by side, Pact interactions once (the worst), totals recounted, the worst outcome', () => {
    const merged = mergeReports([otherShard(), sampleReport()]);
    expect(merged.operations.map((o) => o.id)).to.deep.equal(['applications.list', 'deviceAppManagement.sideLoadingKeys.create']);
    expect(merged.pact.interactions.map((i) => i.status)).to.deep.equal(['pass', 'fail']);
    expect(merged.totals).to.deep.equal(countStatuses(merged.operations, merged.pact));
    expect(merged).to.include({ outcome: 'non-conformant', exitCode: 1, runId: 'r2+r1' });
    expect(merged.cleanup).to.deep.equal({ created: 3, deleted: 3, leftovers: [] });
  });

  it('throttled shards merge INCONCLUSIVE: exit 0 when another shard verified something, exit 2 when none did', () => {
    const throttled = (shard: VerificationReport): VerificationReport => {
      const pact = { ...shard.pact, interactions: shard.pact.interactions.map((i) => ({ ...i, status: 'inconclusive' as const })) };
      const operations = shard.operations.map((op) => ({ ...op, status: 'inconclusive' as const, checks: op.checks.map((c) => ({ ...c, status: 'inconclusive' as const, httpStatus: 429 })) }));
      return { ...shard, outcome: 'inconclusive', exitCode: 2, pact, operations, totals: countStatuses(operations, pact) };
    };
    const nothing = mergeReports([throttled(otherShard())]);
    expect(nothing).to.include({ outcome: 'inconclusive', exitCode: 2 });
    expect(nothing.reason).to.match(/^nothing could be verified/);
    const verified = otherShard();
    const partly = mergeReports([verified, { ...throttled(sampleReport()), pact: { ...verified.pact, interactions: [] } }]);
    expect(partly).to.include({ outcome: 'inconclusive', exitCode: 0 });
    expect(partly.reason).to.equal(undefined);
  });

  it('conformant shards merge conformant; overlapping shards are refused', () => {
    expect(mergeReports([otherShard()]).exitCode).to.equal(0);
    expect(() => mergeReports([otherShard(), otherShard()])).to.throw(/applications\.list.*must not overlap/);
  });

  it('graphpact report merge writes every format and exits with the merged outcome; a bad file is exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-merge-'));
    try {
      await writeFile(join(dir, 'a.json'), JSON.stringify(otherShard()));
      await writeFile(join(dir, 'b.json'), JSON.stringify(sampleReport()));
      const out = join(dir, 'out');
      const { code, stdout } = await runCli(['report', 'merge', join(dir, 'a.json'), join(dir, 'b.json'), '--out', out, '--format', 'json']);
      expect(code).to.equal(1);
      expect(JSON.parse(stdout)).to.include({ outcome: 'non-conformant', operations: 2 });
      const merged = JSON.parse(await readFile(join(out, 'verify.json'), 'utf8')) as VerificationReport;
      expect(merged.operations).to.have.length(2);
      expect(await readFile(join(out, 'verify.junit.xml'), 'utf8')).to.match(/applications\.list/);
      await writeFile(join(dir, 'bad.json'), '{"shape": 2}');
      const bad = await runCli(['report', 'merge', join(dir, 'bad.json'), '--out', out]);
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.match(/bad\.json:1: not a graphpact verify report/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
