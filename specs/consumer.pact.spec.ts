/**
 * Consumer contract of graphpact's Graph client against the provider "graph" (Pact V4, real mock server).
 * One test per interaction: the typed client (src/client) calls Pact's mock server and must handle the
 * answer. When every interaction passed, the contract is written, normalised so that it is byte-for-byte
 * reproducible: to GRAPHPACT_PACT_DIR when set (`GRAPHPACT_PACT_DIR=contracts npx mocha specs/consumer.pact.spec.ts`
 * rewrites the committed one, like `graphpact contracts`), otherwise to a temporary directory, where it must
 * equal the committed contracts/graphpact-graph.json (a test run leaves the work tree as it found it).
 * The interactions themselves are defined once, in src/contracts/interactions.ts.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { graphInteractions } from '../src/contracts/interactions.js';
import { CONTRACT_FILE } from '../src/contracts/index.js';
import { createPact, finishContract, pactWorkDir, removeDir, runInteraction } from '../src/contracts/pact.js';
import { loadContractSources, PROJECT_ROOT } from '../src/contracts/sources.js';

const definitions = graphInteractions(await loadContractSources());
const explicitPactDir = process.env.GRAPHPACT_PACT_DIR;

describe('consumer contract graphpact → graph (Pact V4)', () => {
  let work: string;
  let pact: ReturnType<typeof createPact>;
  let passed = 0;

  before(async () => {
    work = await pactWorkDir();
    pact = createPact(work);
  });

  for (const definition of definitions) {
    it(definition.description, async () => {
      await runInteraction(pact, definition);
      passed++;
    });
  }

  it(explicitPactDir ? `writes ${CONTRACT_FILE} to ${explicitPactDir}` : `writes the committed contracts/${CONTRACT_FILE}, byte for byte`, async () => {
    // Nothing half-written: a contract is written only when every interaction passed.
    expect(passed, 'every interaction passes first').to.equal(definitions.length);
    if (explicitPactDir) {
      await finishContract(work, explicitPactDir, definitions);
      return;
    }
    const out = await pactWorkDir();
    try {
      const written = await finishContract(work, out, definitions);
      expect(await readFile(written, 'utf8'), `contracts/${CONTRACT_FILE} is stale: run \`graphpact contracts\``).to.equal(await readFile(join(PROJECT_ROOT, 'contracts', CONTRACT_FILE), 'utf8'));
    } finally {
      await removeDir(out);
    }
  });

  after(async () => removeDir(work));
});
