/** Reading a saved verify report for `graphpact diff`: clear one-line errors naming the file (and line). */
import { readFile } from 'node:fs/promises';
import type { VerificationReport } from '../report/model.js';
import { jsonErrorLine } from '../util/json-error-line.js';
import { errorCode } from '../util/fs.js';

export class ReportFileError extends Error {}

export async function loadReport(file: string): Promise<VerificationReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ReportFileError(`${file}: cannot read the report (${errorCode(err)})`);
  }
  return parseReport(text, file);
}

/** Pure: parses and checks the parts diff relies on. */
export function parseReport(text: string, file: string): VerificationReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const line = jsonErrorLine(text, err);
    throw new ReportFileError(`${file}:${line}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const r = value as Partial<VerificationReport> | null;
  if (!r || typeof r !== 'object' || r.shape !== 1) {
    throw new ReportFileError(`${file}:1: not a graphpact verify report (expected "shape": 1, as written by \`graphpact verify\` to reports/verify.json)`);
  }
  if (!Array.isArray(r.operations) || !r.pact || !Array.isArray(r.pact.interactions)) {
    throw new ReportFileError(`${file}:1: incomplete verify report (operations or pact.interactions missing)`);
  }
  for (const [i, op] of r.operations.entries()) {
    if (typeof op?.id !== 'string' || !Array.isArray(op.checks) || !Array.isArray(op.responseProperties)) {
      throw new ReportFileError(`${file}: operations[${i}] lacks id, checks or responseProperties`);
    }
  }
  return r as VerificationReport;
}
