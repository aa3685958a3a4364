/**
 * Consumer contract of graphpact's Graph client against the provider "graph" (Pact V4, real mock server).
 * One test per interaction: the typed client (src/client) calls Pact's mock server and must handle the
 * answer. When every interaction passed, the contract is written to contracts/graphpact-graph.json
 * (or GRAPHPACT_PACT_DIR), normalised so that it is byte-for-byte reproducible.
 * The interactions themselves are defined once, in src/contracts/interactions.ts.
 */
import { join } from 'node:path';
import { graphInteractions } from '../src/contracts/interactions.js';
import { createPact, finishContract, pactWorkDir, removeDir, runInteraction } from '../src/contracts/pact.js';
import { loadContractSources, PROJECT_ROOT } from '../src/contracts/sources.js';

const definitions = graphInteractions(await loadContractSources());
const pactDir = process.env.GRAPHPACT_PACT_DIR ?? join(PROJECT_ROOT, 'contracts');

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

  after(async function () {
    // Nothing half-written: the committed contract is replaced only when every interaction passed.
    if (passed === definitions.length) await finishContract(work, pactDir, definitions);
    await removeDir(work);
  });
});
