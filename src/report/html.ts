/**
 * A self-contained HTML page (inline CSS, no scripts, no external assets) a person reads at a glance:
 * outcome banner, totals, the Pact interactions, the operation × check matrix, then every failure with
 * expected and actual side by side and their line diff (jsdiff).
 */
import { diffLines } from 'diff';
import { failures, inconclusiveNote, worstStatus, type CheckStatus, type VerificationReport } from './model.js';

/** Failures and warnings shown in full; a run over thousands of operations lists the rest in verify.json. */
const MAX_LISTED = 500;

/** Status order for sorting: failing first. */
const ORDER: CheckStatus[] = ['fail', 'inconclusive', 'warn', 'pass', 'skip'];
const FILTERS: { id: string; label: string; status?: CheckStatus }[] = [
  { id: 'all', label: 'all' }, { id: 'fail', label: 'failing', status: 'fail' }, { id: 'inconclusive', label: 'inconclusive', status: 'inconclusive' },
  { id: 'warn', label: 'warnings', status: 'warn' }, { id: 'pass', label: 'passing', status: 'pass' }, { id: 'skip', label: 'not applicable', status: 'skip' },
];

/** `/deviceAppManagement/sideLoadingKeys` → `/deviceAppManagement`: operations are grouped by their first path segment. */
export function pathGroup(path: string): string {
  const first = path.split('/').filter(Boolean)[0];
  return first ? `/${first.replace(/\(.*$/, '')}` : '/';
}

/**
 * Operations grouped by path prefix (collapsible, groups with failures open and first), failing operations first
 * inside each group, and a status filter that works without scripts (radio buttons and CSS sibling selectors).
 */
function renderOperations(report: VerificationReport): string {
  const groups = new Map<string, VerificationReport['operations']>();
  for (const op of report.operations) {
    const key = pathGroup(op.path);
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  const rank = (s: CheckStatus) => ORDER.indexOf(s);
  const sorted = [...groups.entries()].map(([key, ops]) => ({ key, ops: [...ops].sort((a, b) => rank(a.status) - rank(b.status) || a.id.localeCompare(b.id)), worst: worstStatus(ops.map((o) => o.status)) }))
    .sort((a, b) => rank(a.worst) - rank(b.worst) || a.key.localeCompare(b.key));
  const out: string[] = [];
  out.push(FILTERS.map((f) => `<input type="radio" name="filter" id="f-${f.id}"${f.id === 'all' ? ' checked' : ''}><label for="f-${f.id}">${f.label}</label>`).join(' '));
  out.push('<div class="ops">');
  const header = `<tr><th>operation</th>${report.checksSelected.map((c) => `<th><code>${esc(c).replace(/_/g, '_<wbr>')}</code></th>`).join('')}</tr>`;
  for (const group of sorted) {
    const counts = ORDER.map((s) => [s, group.ops.filter((o) => o.status === s).length] as const).filter(([, n]) => n > 0);
    const has = counts.map(([s]) => `has-${s}`).join(' ');
    const summary = counts.map(([s, n]) => `${n} ${s === 'skip' ? 'not applicable' : s}`).join(', ');
    out.push(`<details class="group ${has}"${group.worst === 'fail' || sorted.length <= 3 ? ' open' : ''}><summary><code>${esc(group.key)}</code> — ${group.ops.length} operation(s): ${summary}</summary><div class="scroll"><table>${header}`);
    for (const op of group.ops) {
      const cells = report.checksSelected.map((name) => {
        const mine = op.checks.filter((c) => c.check === name);
        const title = mine.map((c) => `${c.scenario}: ${c.status} (${c.message})`).join('\n');
        return statusCell(worstStatus(mine.map((c) => c.status)), title);
      });
      out.push(`<tr class="op s-${op.status}"><td><code>${esc(op.method)} ${esc(op.path)}</code><br><span class="muted">${esc(op.id)}${op.notExercised ? ` · ${esc(op.notExercised)}` : ''}</span></td>${cells.join('')}</tr>`);
    }
    out.push('</table></div></details>');
  }
  out.push('</div>');
  return out.join('\n');
}

const LABEL: Record<CheckStatus, string> = { pass: 'pass', fail: 'FAIL', warn: 'warn', inconclusive: 'inconclusive', skip: '–' };

/** The status filter: a checked radio hides the rows (and groups) of other statuses. */
const FILTER_CSS = (['fail', 'inconclusive', 'warn', 'pass', 'skip'] as const)
  .map((s) => `#f-${s}:checked~.ops tr.op:not(.s-${s}),#f-${s}:checked~.ops details.group:not(.has-${s}){display:none}`)
  .join('\n');

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1b1f24;max-width:1200px}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.banner{padding:.8rem 1rem;border-radius:6px;font-weight:600;margin:1rem 0}
.conformant{background:#dafbe1}.non-conformant{background:#ffebe9}.could-not-run{background:#fff8c5}.inconclusive{background:#ddf4ff}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.pass{background:#dafbe1}td.fail{background:#ffcecb;font-weight:700}td.warn{background:#fff8c5}
.scroll{overflow-x:auto}td.inconclusive{background:#ddf4ff}td.skip{color:#8c959f;text-align:center}code{font-size:90%}
.failure{border:1px solid #ffcecb;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:24rem;margin:.2rem 0}
.add{background:#dafbe1;display:block}.del{background:#ffebe9;display:block}.muted{color:#57606a}
details.group{margin:.4rem 0}details.group>summary{cursor:pointer;padding:.2rem 0}input[name=filter]{margin-left:.8rem}
${FILTER_CSS}`;

export function renderHtml(report: VerificationReport): string {
  const t = report.totals;
  const parts: string[] = [];
  parts.push(`<h1>graphpact verify</h1><div class="muted">Provider <code>${esc(report.provider.baseUrl)}</code>${report.provider.embedded ? ' (embedded)' : ''} · run <code>${esc(report.runId)}</code> · ${esc(report.startedAt)}</div>`);
  parts.push(`<div class="banner ${report.outcome}">${esc(report.outcome + inconclusiveNote(report))} · exit ${report.exitCode}${report.reason ? ` · ${esc(report.reason)}` : ''}</div>`);
  parts.push(`<table><tr><th>pass</th><th>fail</th><th>warn</th><th>inconclusive</th><th>not applicable</th></tr><tr><td>${t.pass}</td><td>${t.fail}</td><td>${t.warn}</td><td>${t.inconclusive}</td><td>${t.skip}</td></tr></table>`);

  parts.push('<h2>Pact interactions</h2>');
  if (report.pact.error) parts.push(`<p class="muted">${esc(report.pact.error)}</p>`);
  if (report.pact.interactions.length) {
    parts.push('<table><tr><th>interaction</th><th>given</th><th>status</th></tr>');
    for (const i of report.pact.interactions) {
      const title = i.status === 'warn' ? i.mismatches.map((m) => (m.path ? `${m.path}: ${m.message}` : m.message)).join('\n') : undefined;
      parts.push(`<tr><td>${esc(i.description)}</td><td>${esc(i.providerStates.join(', '))}</td>${statusCell(i.status, title)}</tr>`);
    }
    parts.push('</table>');
  }

  parts.push(`<h2>Schema conformance: operation × check (${report.operations.length} operations)</h2>`);
  if (report.operations.length) {
    parts.push(renderOperations(report));
    const warnings = report.operations.flatMap((op) => op.checks.filter((c) => c.status === 'warn' || c.status === 'inconclusive').map((c) => `<li><code>${esc(op.id)}</code> ${esc(c.check)} [${esc(c.scenario)}]: ${esc(c.message)}</li>`));
    if (warnings.length) parts.push(`<details><summary>Warnings and inconclusive checks (${warnings.length})</summary><ul>${warnings.slice(0, MAX_LISTED).join('')}</ul>${warnings.length > MAX_LISTED ? `<p class="muted">… ${warnings.length - MAX_LISTED} more in verify.json</p>` : ''}</details>`);
  } else {
    parts.push('<p class="muted">No operation was exercised.</p>');
  }

  const failed = failures(report);
  parts.push(`<h2>Failures (${failed.length})</h2>`);
  if (failed.length > MAX_LISTED) parts.push(`<p class="muted">The first ${MAX_LISTED} are shown; every failure is in verify.json and verify.junit.xml.</p>`);
  for (const f of failed.slice(0, MAX_LISTED)) {
    parts.push(`<div class="failure"><strong>${esc(f.title)}</strong><p>${esc(f.message)}</p>`);
    if (f.expected !== undefined || f.actual !== undefined) {
      parts.push(`<div class="sides"><div>expected<pre>${esc(f.expected ?? '')}</pre></div><div>actual<pre>${esc(f.actual ?? '')}</pre></div></div>`);
      parts.push(`<div>diff (− expected, + actual)<pre>${renderDiff(f.expected ?? '', f.actual ?? '')}</pre></div>`);
    }
    parts.push('</div>');
  }
  if (report.pact.logFile) parts.push(`<p class="muted">Pact verifier output (redacted): <code>${esc(report.pact.logFile)}</code></p>`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>graphpact verify: ${esc(report.outcome)}</title><style>${CSS}</style></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}

/** Line diff of expected vs actual: removed lines marked −, added +. */
export function renderDiff(expected: string, actual: string): string {
  return diffLines(ensureNewline(expected), ensureNewline(actual))
    .map((part) => {
      const lines = part.value.replace(/\n$/, '').split('\n');
      const mark = part.added ? '+ ' : part.removed ? '− ' : '  ';
      const cls = part.added ? 'add' : part.removed ? 'del' : '';
      return lines.map((line) => (cls ? `<span class="${cls}">${mark}${esc(line)}</span>` : `${mark}${esc(line)}\n`)).join('');
    })
    .join('');
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

function statusCell(status: CheckStatus, title?: string): string {
  return `<td class="${status}"${title ? ` title="${esc(title)}"` : ''}>${LABEL[status]}</td>`;
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
