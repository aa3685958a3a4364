/**
 * `graphpact compare`: each Pact contract against the OpenAPI document with PactFlow's comparator (the check
 * PactFlow's bi-directional contract testing runs), every incompatibility with its interaction and OpenAPI
 * location. Exit 0 compatible, 1 not, 2 could not run (a bad file: one line naming file and line).
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { compareContracts, CompareInputError, readCompareInputs, type CompareInputs } from '../../compare/compare.js';
import { renderCompareJson, renderCompareJunit, renderCompareText } from '../../compare/format.js';
import { openApiPath } from '../../model/schema-layout.js';
import { PACKAGE_ROOT } from '../../util/package.js';
import { redactText } from '../../util/redact.js';
import { action, addFormatOption, EXIT, reportCouldNotRun } from '../command.js';

interface CompareOptions {
  openapi?: string;
  pactDir?: string;
  format: 'text' | 'json' | 'junit';
}

export function compareCommand(): Command {
  const cmd = new Command('compare')
    .description("check each Pact contract against the OpenAPI document with PactFlow's openapi-pact-comparator (bi-directional contract testing)")
    .option('--openapi <file>', "OpenAPI document (default: the package's schemas/openapi.beta.json)")
    .option('--pact-dir <dir>', "directory of Pact contracts, every *.json in it (default: the package's contracts/)");
  addFormatOption(cmd, ['text', 'json', 'junit']);
  return cmd.action(action(async (opts: CompareOptions) => {
    const openapi = opts.openapi ?? resolve(PACKAGE_ROOT, 'schemas', openApiPath('beta'));
    const pactDir = opts.pactDir ?? resolve(PACKAGE_ROOT, 'contracts');
    let inputs: CompareInputs;
    try {
      inputs = await readCompareInputs(openapi, pactDir);
    } catch (err) {
      if (err instanceof CompareInputError) return reportCouldNotRun('graphpact compare', err.message, opts.format);
      throw err;
    }
    let report;
    try {
      report = await compareContracts(inputs);
    } catch (err) {
      // The comparator throws on documents it cannot read at all (an unresolvable $ref, a broken path template).
      return reportCouldNotRun('graphpact compare', `${openapi}: the comparator could not read it (${(err as Error).message})`, opts.format);
    }
    const interactionsOf = (file: string): string[] =>
      ((inputs.pacts.find((p) => p.file === file)?.pact.interactions ?? []) as Array<{ description?: string }>).map((i) => i.description ?? '(no description)');
    const out = opts.format === 'json' ? renderCompareJson(report) : opts.format === 'junit' ? renderCompareJunit(report, interactionsOf) : renderCompareText(report);
    process.stdout.write(redactText(out));
    return report.exitCode === 0 ? EXIT.ok : EXIT.nonConformant;
  }));
}
