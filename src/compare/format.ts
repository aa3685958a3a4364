/** A compare report as text, JSON or JUnit (one testsuite per contract, one testcase per interaction). */
import { basename } from 'node:path';
import { junit } from '../util/junit.js';
import type { CompareReport, Incompatibility } from './compare.js';

export function renderCompareText(report: CompareReport): string {
  const lines = [`graphpact compare: ${report.errors === 0 ? 'compatible' : 'NOT compatible'}: ${report.errors} error(s), ${report.warnings} warning(s) against ${report.openapi}`];
  for (const contract of report.contracts) {
    lines.push(`  ${contract.file}: ${contract.interactions} interactions, ${contract.errors} error(s), ${contract.warnings} warning(s)`);
    for (const r of report.results.filter((x) => x.pactFile === contract.file)) {
      lines.push(`    ${r.severity === 'error' ? 'ERROR' : 'warn '} ${r.code}: ${r.message}`);
      lines.push(`          interaction: ${r.interaction}${r.state ? ` (state: ${r.state})` : ''}${r.pactLocation ? ` at ${r.pactLocation}` : ''}`);
      if (r.openapiLocation) lines.push(`          OpenAPI: ${r.operation ? `${r.operation}, ` : ''}${r.openapiLocation}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function renderCompareJson(report: CompareReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** JUnit: an interaction with comparator errors is a failed testcase; warnings go to its system-out. */
export function renderCompareJunit(report: CompareReport, interactionsOf: (file: string) => string[]): string {
  const builder = junit.newBuilder();
  for (const contract of report.contracts) {
    const suite = builder.testSuite().name(`graphpact compare ${basename(contract.file)}`);
    const byInteraction = new Map<string, Incompatibility[]>();
    for (const r of report.results.filter((x) => x.pactFile === contract.file)) {
      byInteraction.set(r.interaction, [...(byInteraction.get(r.interaction) ?? []), r]);
    }
    const names = [...new Set([...interactionsOf(contract.file), ...byInteraction.keys()])];
    for (const name of names) {
      const found = byInteraction.get(name) ?? [];
      const testCase = suite.testCase().className(basename(contract.file)).name(name);
      const errors = found.filter((r) => r.severity === 'error');
      const describe = (r: Incompatibility) => `${r.code}: ${r.message}${r.openapiLocation ? ` (OpenAPI ${r.openapiLocation})` : ''}`;
      if (errors.length > 0) testCase.failure(errors.map(describe).join('\n'), errors[0].code);
      const warnings = found.filter((r) => r.severity === 'warning');
      if (warnings.length > 0) testCase.standardOutput(warnings.map(describe).join('\n'));
    }
  }
  return builder.build() + '\n';
}
