/**
 * SARIF 2.1.0 (node-sarif-builder) so code scanning shows findings inline: one run, the rules with ids and
 * descriptions, results with physical locations relative to the repo root. Accepted findings carry
 * baselineState "unchanged" (new ones "new") and a partial fingerprint.
 */
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { LintReport } from './report-model.js';
import { redactText } from '../../util/redact.js';

export function formatSarif(report: LintReport, tool: { version: string }): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'graphpact', toolDriverVersion: tool.version });
  const used = new Set(report.findings.map((f) => f.ruleId));
  for (const rule of report.rules) {
    if (!used.has(rule.id) && rule.id.startsWith('parse-')) continue;
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: rule.id, shortDescriptionText: rule.purpose }));
    const added = run.run.tool.driver.rules?.at(-1);
    if (added) added.defaultConfiguration = { level: rule.severity === 'info' ? 'note' : rule.severity };
  }
  for (const f of report.findings) {
    const result = new SarifResultBuilder().initSimple({
      level: f.severity === 'info' ? 'note' : f.severity,
      messageText: redactText(`${f.message}${f.fix ? ` (fix: ${f.fix})` : ''}${f.errata ? ` (corrected by erratum ${f.errata.join(', ')})` : ''}`),
      ruleId: f.ruleId,
      fileUri: f.file,
      startLine: f.line,
      ...(f.column !== undefined ? { startColumn: f.column } : {}),
    });
    result.result.baselineState = f.accepted ? 'unchanged' : 'new';
    result.result.partialFingerprints = { 'graphpactLint/v1': f.fingerprint };
    if (f.errata) result.result.properties = { errata: f.errata };
    run.addResult(result);
  }
  const builder = new SarifBuilder();
  builder.addRun(run);
  const log = builder.buildSarifOutput();
  log.$schema = 'https://json.schemastore.org/sarif-2.1.0.json';
  return JSON.stringify(log, null, 2) + '\n';
}
