import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

describe('graphpact operations', () => {
  it('lists the selection of the project docs with a verdict per operation (json)', async () => {
    const { code, stdout } = await runCli(['operations', '--operations', 'applications.*', '--format', 'json']);
    expect(code).to.equal(0);
    const out = JSON.parse(stdout) as { summary: { selected: number; verifiable: number }; operations: { id: string; version: string; verifiable: boolean; states: { createdBy?: string }[] }[] };
    expect(out.operations.map((o) => `${o.version}:${o.id}`)).to.deep.equal(['beta:applications.addKey', 'localtest:applications.addKey']);
    expect(out.summary).to.deep.include({ selected: 2, verifiable: 2 });
    expect(out.operations[0].states.map((s) => s.createdBy)).to.deep.equal(['applications.create']);
  });

  it('text output ends with the counts; --version narrows', async () => {
    const { code, stdout } = await runCli(['operations', '--version', 'beta']);
    expect(code).to.equal(0);
    expect(stdout).to.match(/2 operation\(s\) selected, 2 verifiable\n$/);
  });

  it('an unreadable @file is exit 2 with one line naming it', async () => {
    const { code, stderr } = await runCli(['operations', '--operations', '@/nonexistent/graphpact-sel.txt']);
    expect(code).to.equal(2);
    expect(stderr).to.match(/could not run: .*graphpact-sel\.txt/);
  });
});
