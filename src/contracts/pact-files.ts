/**
 * Reading a folder of Pact files: the one reader behind `graphpact verify --pact-dir` and `graphpact publish`.
 * Every problem is a PactFileError with one line naming the folder or file:line.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { jsonErrorLine } from '../util/json-error-line.js';
import { errorCode } from '../util/fs.js';

export class PactFileError extends Error {}

export interface PactFile {
  /** Absolute path. */
  file: string;
  /** The parsed JSON (not yet checked to be a pact). */
  pact: unknown;
}

/** Every `*.json` of `dir`, sorted by name and parsed. */
export async function readPactFiles(dir: string): Promise<PactFile[]> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new PactFileError(`${dir}: not a directory`);
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if (err instanceof PactFileError) throw err;
    throw new PactFileError(`${dir}: contracts folder not found (write them first: \`graphpact contracts\` or \`graphpact all\`; or give --pact-dir)`);
  }
  if (names.length === 0) throw new PactFileError(`${dir}: no Pact contracts (*.json) in the folder`);
  const out: PactFile[] = [];
  for (const name of names) {
    const file = resolve(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new PactFileError(`${file}: cannot be read (${errorCode(err)})`);
    }
    try {
      out.push({ file, pact: JSON.parse(text) as unknown });
    } catch (err) {
      throw new PactFileError(`${file}:${jsonErrorLine(text, err)}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
    }
  }
  return out;
}
