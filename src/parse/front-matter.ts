/**
 * YAML front matter (`---` … `---` at the top of the page). markdown-it skips its lines and the page's
 * source lines have them empty (pageSource), so token line numbers stay file line numbers.
 */
import { yaml } from '../util/yaml.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based line of the opening `---`, undefined when the page has none. */
  line?: number;
  /**
   * How many lines at the top of the page the block takes, closing `---` included (0: no front matter).
   * Those lines are skipped rather than blanked in a copy of the page: the copy was a second 36 MB of
   * page text kept alive for the corpus (the front matter's values are slices of the original).
   */
  lines: number;
  /** YAML error message with its file line, when the block could not be parsed. */
  error?: { line: number; message: string };
}

export function splitFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---')) return { data: {}, lines: 0 };
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0 || text.slice(0, firstEnd).trim() !== '---') return { data: {}, lines: 0 };
  const close = /^(---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(firstEnd + 1);
  const m = close.exec(rest);
  if (!m) return { data: {}, lines: 0 };
  const yamlText = rest.slice(0, m.index);
  const blockEnd = firstEnd + 1 + m.index + m[0].length;
  const lines = countLines(text.slice(0, blockEnd));
  const simple = parseSimpleYaml(yamlText);
  if (simple) return { data: simple, line: 1, lines };
  try {
    const value: unknown = yaml().parse(yamlText);
    const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return { data, line: 1, lines };
  } catch (err) {
    const e = err as { message?: string; linePos?: Array<{ line: number }> };
    const line = 1 + (e.linePos?.[0]?.line ?? 1);
    return { data: {}, line: 1, lines, error: { line, message: (e.message ?? String(err)).split('\n')[0] } };
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const SIMPLE_LINE = /^([A-Za-z_][\w.-]*):[ \t]+(.*?)[ \t]*$/;
/** A plain scalar YAML would read as a string: no indicator first, no `: ` or ` #`, not number/bool/null-like. */
const PLAIN_STRING = /^(?![-?:,[\]{}#&*!|>'"%@`])(?![-+]?(?:\d|\.\d))(?!(?:true|false|yes|no|on|off|null|~|[-+]?\.(?:inf|nan))$).+$/i;

/**
 * A date as the docs write `ms.date` (`09/10/2017`): a number-like start, but YAML (core schema) reads it
 * as a string (a `/` is in no number). All of the corpus's front matter that left the fast path was this.
 */
const SLASH_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/**
 * Fast path for the front matter almost every page has: `key: value` lines with quoted or plain string
 * values. Anything else (lists, block scalars, numbers, escapes, comments) returns undefined and goes to
 * the `yaml` package, so results are the same as yaml's (a test checks this on the corpus sample).
 */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return undefined;
    const [, key, value] = m;
    if (key in data) return undefined;
    if (value.length >= 2 && value[0] === '"' && value.endsWith('"')) {
      const inner = value.slice(1, -1);
      if (/["\\]/.test(inner)) return undefined;
      data[key] = inner;
    } else if (value.length >= 2 && value[0] === "'" && value.endsWith("'")) {
      const inner = value.slice(1, -1);
      if (inner.includes("'")) return undefined;
      data[key] = inner;
    } else if ((PLAIN_STRING.test(value) && !value.includes(': ') && !value.includes(' #') && !value.endsWith(':')) || SLASH_DATE.test(value)) {
      data[key] = value;
    } else return undefined;
  }
  return data;
}
