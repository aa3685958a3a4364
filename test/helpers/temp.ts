/** Temporary directories for test outputs, removed after each test of the suite that asks for them. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Call inside a `describe`: returns a maker of fresh temporary directories (prefix `graphpact-<name>-`),
 * every one of which is removed after each test.
 */
export function useTempDirs(name: string): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), `graphpact-${name}-`));
    made.push(dir);
    return dir;
  };
}
