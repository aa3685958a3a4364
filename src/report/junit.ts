/**
 * JUnit XML (junit-report-builder): one testsuite for the Pact interactions (one testcase each) and one per
 * operation (one testcase per check × request). JUnit has no "warn"/"inconclusive": warnings pass with the
 * message in system-out, inconclusive and not-applicable checks are skipped with the reason in system-out.
 */
import { junit } from '../util/junit.js';
import type { VerificationReport } from './model.js';


export function renderJUnit(report: VerificationReport): string {
  const builder = junit.newBuilder().name(`graphpact verify ${report.provider.baseUrl}`);

  const pactSuite = builder.testSuite().name('pact: consumer contracts');
  if (!report.pact.ran) {
    pactSuite.testCase().className('pact').name('pact verification').skipped().standardOutput(report.pact.error ?? 'not run');
  }
  for (const interaction of report.pact.interactions) {
    const given = interaction.providerStates.length ? ` [given ${interaction.providerStates.join(', ')}]` : '';
    const testCase = pactSuite.testCase().className('pact').name(`${interaction.description}${given}`);
    const details = interaction.mismatches.map((m) => [m.path ? `${m.path}: ${m.message}` : m.message, m.expected && `expected: ${m.expected}`, m.actual && `actual: ${m.actual}`].filter(Boolean).join('\n')).join('\n\n');
    if (interaction.status === 'fail') testCase.failure(interaction.mismatches[0]?.message ?? 'interaction failed', 'PactMismatch').standardOutput(details);
    else if (interaction.status === 'inconclusive' || interaction.status === 'skip') testCase.skipped().standardOutput(details || interaction.status);
    else if (interaction.status === 'warn') testCase.standardOutput(`warning: ${details}`);
  }

  for (const op of report.operations) {
    const suite = builder.testSuite().name(`${op.method} ${op.path} (${op.id})`);
    if (op.notExercised) suite.testCase().className(op.id).name('not exercised').skipped().standardOutput(op.notExercised);
    for (const c of op.checks) {
      const testCase = suite.testCase().className(op.id).name(`${c.check} [${c.scenario}]`);
      const details = [c.message, c.expected && `expected:\n${c.expected}`, c.actual && `actual:\n${c.actual}`].filter(Boolean).join('\n');
      if (c.status === 'fail') testCase.failure(c.message, c.check).standardOutput(details);
      else if (c.status === 'skip' || c.status === 'inconclusive') testCase.skipped().standardOutput(`${c.status}: ${c.message}`);
      else if (c.status === 'warn') testCase.standardOutput(`warning: ${c.message}`);
    }
  }
  return builder.build();
}
