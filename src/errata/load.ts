/**
 * Reading errata (I/O edge): every `errata/*.yaml` of each docs folder, validated against
 * apidocs/errata/errata.schema.json. Errata travel with the docs they correct, so a docs tree without
 * an errata/ folder (the shared corpus) has none. A bad file is one ErrataError naming file and line.
 */
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../util/yaml.js';
import { PACKAGE_ROOT } from '../util/package.js';
import { DocsDirError } from '../parse/load.js';
import type { Erratum } from './model.js';

export const ERRATA_FOLDER = 'errata';
export const ERRATA_SCHEMA_FILE = join(PACKAGE_ROOT, 'apidocs', ERRATA_FOLDER, 'errata.schema.json');

/**
 * An errata file that cannot be used: `file:line: what is wrong`. A DocsDirError, so every command that
 * reads docs reports it as "could not run" (exit 2) and writes nothing.
 */
export class ErrataError extends DocsDirError {
  constructor(message: string, file: string) {
    super(message, file);
  }
}

let validator: ReturnType<Ajv2020['compile']> | undefined;
function validateErrataFile(data: unknown): ErrorObject[] {
  if (!validator) {
    // Loaded with the first errata file, not with this module (most docs folders have none).
    const { Ajv2020: Ajv } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const ajv = new Ajv({ allErrors: false, discriminator: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(ERRATA_SCHEMA_FILE, 'utf8')));
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/**
 * The errata of the given docs folders, in folder then file order. Page paths become the paths the
 * parser gives the pages: relative to `root` (default: the current directory), '/' separated.
 */
export async function loadErrata(docsDirs: readonly string[], root: string = process.cwd()): Promise<Erratum[]> {
  const out: Erratum[] = [];
  const seen = new Map<string, string>();
  for (const dir of docsDirs) {
    const folder = resolve(dir, ERRATA_FOLDER);
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => /\.ya?ml$/i.test(n)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      throw new ErrataError(`${shown(folder, root)}: cannot read the errata folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`, folder);
    }
    for (const name of names) {
      const path = join(folder, name);
      const file = shown(path, root);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        throw new ErrataError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, file);
      }
      for (const erratum of parseErrataFile(text, file, (page) => shown(resolve(dir, page), root))) {
        const first = seen.get(erratum.id);
        if (first) throw new ErrataError(`${file}:${erratum.source.line}: erratum id "${erratum.id}" is already used (${first})`, file);
        seen.set(erratum.id, `${file}:${erratum.source.line}`);
        out.push(erratum);
      }
    }
  }
  return out;
}

/**
 * One errata file's text → errata. Pure apart from the schema read once. `pageFile` maps a page as
 * written to the path the parser gives it. Throws ErrataError naming `file` and the line.
 */
export function parseErrataFile(text: string, file: string, pageFile: (page: string) => string = (p) => p): Erratum[] {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? lineCounter.linePos(syntax.pos[0]).line;
    throw new ErrataError(`${file}:${line}: not valid YAML: ${syntax.message.split('\n')[0]}`, file);
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const problems = validateErrataFile(data);
  if (problems.length > 0) {
    const problem = problems[0];
    const path = pointerSegments(problem.instancePath);
    // An unknown key: point at the key itself, not the object holding it.
    const at = problem.keyword === 'additionalProperties' ? [...path, String((problem.params as { additionalProperty: string }).additionalProperty)] : path;
    throw new ErrataError(`${file}:${lineOf(doc, lineCounter, at)}: ${describe(problem, path)}`, file);
  }
  const raw = (data as { errata: Omit<Erratum, 'file' | 'source'>[] }).errata;
  return raw.map((e, i) => ({ ...e, file: pageFile(e.page), source: { file, line: lineOf(doc, lineCounter, ['errata', i, 'id']) } }));
}

/** `must have required property 'reason'` at `errata/2` → a sentence naming where. */
function describe(problem: ErrorObject, path: (string | number)[]): string {
  const where = path.length > 0 ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : 'the file';
  const params = problem.params as Record<string, unknown>;
  const detail = problem.keyword === 'additionalProperties' ? `unknown property "${String(params.additionalProperty)}"`
    : problem.keyword === 'enum' ? `${problem.message} (${(params.allowedValues as unknown[]).join(', ')})`
      : problem.keyword === 'discriminator' ? `"op" must be one of the corrections of errata.schema.json (${String(params.tagValue ?? 'missing')} is not)`
        : problem.message ?? problem.keyword;
  return `${where}: ${detail}`;
}

function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Line of the node at `path`, or of its nearest ancestor that exists. */
function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (yaml().isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/** As src/schema/pipeline.ts relocates source paths: relative to `root` when it can be, '/' separated. */
function shown(path: string, root: string): string {
  const rel = relative(root, path);
  return (rel && !isAbsolute(rel) ? rel : path).split(sep).join('/');
}
