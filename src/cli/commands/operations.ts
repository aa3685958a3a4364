/**
 * `graphpact operations`: what a selection (`--docs`, `--operations`) matches, and for each operation
 * whether graphpact can verify it and, if not, why (no example, a state the API cannot create, a binary
 * body, ...), and which of its documented paths the emulator (`serve --docs`) answers 501, and why.
 * Exit 0 (a listing, even an empty one), 2 when the docs or the selection cannot be read.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadCatalog } from '../../schema/pipeline.js';
import { DocsDirError } from '../../parse/index.js';
import { assessOperations, selectionOf, selectOperations, SelectionError, summarise, type Assessment } from '../../select/index.js';
import { addSelectionOptions, type SelectionFlags } from '../../select/cli-options.js';
import { PACKAGE_ROOT } from '../../util/package.js';
import { buildRouteTable, notServedByOperation } from '../../provider/emulator/route-table.js';
import { redactText } from '../../util/redact.js';
import { action, addFormatOption, EXIT, reportCouldNotRun, type OutputFormat } from '../command.js';

interface OperationsOptions extends SelectionFlags {
  version?: string;
  format: OutputFormat;
}

export function operationsCommand(): Command {
  const cmd = new Command('operations')
    .description('list the operations a selection matches, and whether each can be verified (and if not, why)')
    .option('--version <version>', 'only operations of this API version (beta, v1.0, ...)');
  addSelectionOptions(cmd, { operations: 'every documented operation' });
  addFormatOption(cmd);
  cmd.addHelpText('after', "\nExamples:\n  graphpact operations --docs ../shared/corpus/graph-docs --operations '/education/**' --version v1.0\n  graphpact operations --operations 'applications.*,!applications.delete' --format json\n");
  return cmd.action(action(async (opts: OperationsOptions) => {
    let assessments: Assessment[];
    let notEmulated: Map<string, string[]>;
    try {
      const selection = selectionOf(opts.operations);
      const docs = opts.docs && opts.docs.length > 0 ? opts.docs : [resolve(PACKAGE_ROOT, 'apidocs')];
      const { catalog, unreadable } = await loadCatalog(docs, { root: process.cwd() });
      if (unreadable.length > 0) throw new DocsDirError(unreadable[0].message, unreadable[0].file);
      const selected = selectOperations(catalog.operations, selection, { version: opts.version });
      assessments = assessOperations(catalog.operations, selected);
      notEmulated = notServedByOperation(buildRouteTable(catalog.operations));
    } catch (err) {
      if (err instanceof DocsDirError || err instanceof SelectionError) return reportCouldNotRun('graphpact operations', err, opts.format);
      throw err;
    }
    const summary = summarise(assessments);
    const out = opts.format === 'json'
      ? JSON.stringify({ summary, operations: assessments.map((a) => toJson(a, notEmulated)) }, null, 2) + '\n'
      : renderText(assessments, summary, notEmulated);
    process.stdout.write(redactText(out));
    return EXIT.ok;
  }));
}

/** The JSON form: stable keys, no example bodies (they can be large; `contracts` has them). */
function toJson(a: Assessment, notEmulated: Map<string, string[]>): Record<string, unknown> {
  const emulator501 = notEmulated.get(`${a.version} ${a.id}`);
  return {
    id: a.id,
    version: a.version,
    method: a.method,
    path: a.path,
    verifiable: a.verifiable,
    ...(a.reason ? { reason: a.reason.code, why: a.reason.message } : {}),
    states: a.states.map((s) => ({ name: s.name, collection: s.collection, creatable: s.creatable, ...(s.create ? { createdBy: s.create.operationId } : {}) })),
    source: `${a.source.file}:${a.source.line}`,
    ...(emulator501 ? { emulatorNotServed: emulator501 } : {}),
  };
}

function renderText(assessments: Assessment[], summary: ReturnType<typeof summarise>, notEmulated: Map<string, string[]>): string {
  const lines = assessments.map((a) => {
    const verdict = a.verifiable ? 'verifiable' : `NOT VERIFIABLE (${a.reason!.code}): ${a.reason!.message}`;
    const states = a.verifiable && a.states.length ? ` [states: ${a.states.map((s) => s.create!.operationId).join(' → ')}]` : '';
    const emulator501 = (notEmulated.get(`${a.version} ${a.id}`) ?? []).map((line) => `\n         emulator answers 501: ${line}`).join('');
    return `${a.version.padEnd(6)} ${a.method.padEnd(6)} ${a.path}  ${a.id}\n         ${verdict}${states}${emulator501}`;
  });
  const why = Object.entries(summary.notVerifiable).sort((x, y) => y[1] - x[1]).map(([code, n]) => `${n} ${code}`).join(', ');
  lines.push(`${summary.selected} operation(s) selected, ${summary.verifiable} verifiable${why ? `; not verifiable: ${why}` : ''}`);
  return lines.join('\n') + '\n';
}
