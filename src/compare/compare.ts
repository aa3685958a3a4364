/**
 * Bi-directional contract check: each Pact contract against the OpenAPI document, with PactFlow's own
 * comparator (@pactflow/openapi-pact-comparator, the engine of PactFlow's bi-directional contract testing),
 * so a team sees here what PactFlow would say. Reading is at the edge (readCompareInputs); the comparison
 * and the report are plain data.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as comparatorModule from '@pactflow/openapi-pact-comparator';
import { jsonErrorLine } from '../util/json-error-line.js';
import { errorCode } from '../util/fs.js';

/** The comparator's result (its dist/src/results/index.d.ts; its declaration files import without extensions, which NodeNext cannot follow). */
interface ComparatorResult {
  code: string;
  message: string;
  mockDetails?: { interactionDescription?: string | null; interactionState?: string | null; location: string; value: unknown };
  specDetails?: { location: string; pathMethod?: string | null; pathName?: string | null; value: unknown };
  type: 'error' | 'warning';
}

const { Comparator } = comparatorModule as unknown as {
  Comparator: new (openapi: object) => { compare(pact: object): AsyncGenerator<ComparatorResult> };
};

/** A file that cannot be compared (missing, not JSON, not an OpenAPI document or a Pact): one line naming file and line. */
export class CompareInputError extends Error {}

export interface PactFile {
  file: string;
  pact: Record<string, unknown>;
}

export interface CompareInputs {
  openapiFile: string;
  openapi: Record<string, unknown>;
  pacts: PactFile[];
}

/** One incompatibility (or warning) the comparator reports, with the interaction and the OpenAPI location. */
export interface Incompatibility {
  severity: 'error' | 'warning';
  /** Comparator code (`response.status.unknown`, `request.body.incompatible`, ...). */
  code: string;
  message: string;
  pactFile: string;
  /** Interaction description and provider state, as the contract names them. */
  interaction: string;
  state?: string;
  /** Where in the contract (`[root].interactions[2].response.body.key`). */
  pactLocation?: string;
  /** Where in the OpenAPI (`[root].paths./applications/{id}/addKey.post.responses`) and which operation. */
  openapiLocation?: string;
  operation?: string;
}

export interface CompareReport {
  openapi: string;
  contracts: Array<{ file: string; interactions: number; errors: number; warnings: number }>;
  results: Incompatibility[];
  errors: number;
  warnings: number;
  /** 0 compatible (warnings allowed), 1 at least one error. */
  exitCode: 0 | 1;
}

async function readJson(file: string, what: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CompareInputError(`${file}: cannot read the ${what} (${errorCode(err)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CompareInputError(`${file}:${jsonErrorLine(text, err)}: the ${what} is not valid JSON (${(err as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CompareInputError(`${file}:1: the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** Reads the OpenAPI document and every `*.json` contract of the pact directory (sorted). */
export async function readCompareInputs(openapiFile: string, pactDir: string): Promise<CompareInputs> {
  const openapi = await readJson(openapiFile, 'OpenAPI document');
  if (typeof openapi.openapi !== 'string' && typeof openapi.swagger !== 'string') {
    throw new CompareInputError(`${openapiFile}:1: not an OpenAPI document (no "openapi" version field)`);
  }
  let names: string[];
  try {
    if (!(await stat(pactDir)).isDirectory()) throw new Error('not a directory');
    names = (await readdir(pactDir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new CompareInputError(`${pactDir}: cannot read the contracts directory (${errorCode(err)})`);
  }
  if (names.length === 0) throw new CompareInputError(`${pactDir}: no Pact contract (*.json) to compare (run \`graphpact contracts\`)`);
  const pacts: PactFile[] = [];
  for (const name of names) {
    const file = join(pactDir, name);
    const pact = await readJson(file, 'Pact contract');
    if (!Array.isArray(pact.interactions)) throw new CompareInputError(`${file}:1: not a Pact contract (no "interactions" list)`);
    pacts.push({ file, pact });
  }
  return { openapiFile: resolve(openapiFile), openapi, pacts };
}

/** Runs the comparator on every contract. The comparator mutates nothing we keep: it gets its own copies. */
export async function compareContracts(inputs: CompareInputs): Promise<CompareReport> {
  const comparator = new Comparator(structuredClone(inputs.openapi));
  const results: Incompatibility[] = [];
  const contracts: CompareReport['contracts'] = [];
  for (const { file, pact } of inputs.pacts) {
    const mine: Incompatibility[] = [];
    for await (const result of comparator.compare(structuredClone(pact))) {
      const spec = result.specDetails;
      const mock = result.mockDetails;
      const state = mock?.interactionState && mock.interactionState !== '[none]' ? mock.interactionState : undefined;
      mine.push({
        severity: result.type,
        code: result.code,
        message: result.message,
        pactFile: file,
        interaction: mock?.interactionDescription ?? '(no interaction)',
        ...(state ? { state } : {}),
        ...(mock?.location ? { pactLocation: mock.location } : {}),
        ...(spec?.location ? { openapiLocation: spec.location } : {}),
        ...(spec?.pathMethod && spec.pathName ? { operation: `${spec.pathMethod.toUpperCase()} ${spec.pathName}` } : {}),
      });
    }
    const interactions = (pact.interactions as unknown[]).length;
    contracts.push({ file, interactions, errors: mine.filter((r) => r.severity === 'error').length, warnings: mine.filter((r) => r.severity === 'warning').length });
    results.push(...mine);
  }
  const errors = results.filter((r) => r.severity === 'error').length;
  return { openapi: inputs.openapiFile, contracts, results, errors, warnings: results.length - errors, exitCode: errors > 0 ? 1 : 0 };
}
