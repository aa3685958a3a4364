/** `writeContracts()`: the consumer contracts without mocha, for the `npm start` pipeline and `graphpact contracts`. */
import { graphInteractions } from './interactions.js';
import { createPact, finishContract, pactWorkDir, removeDir, runInteraction, type PactLogLevel } from './pact.js';
import { loadContractSources, type SourceOptions } from './sources.js';

export interface WriteContractsOptions extends SourceOptions {
  /** Where the contract goes (`contracts/` in the pipeline). */
  pactDir: string;
  logLevel?: PactLogLevel;
}

export interface WrittenContracts {
  /** Paths of the written contract files. */
  files: string[];
  interactions: string[];
}

export async function writeContracts(options: WriteContractsOptions): Promise<WrittenContracts> {
  const definitions = graphInteractions(await loadContractSources(options));
  const work = await pactWorkDir();
  try {
    const pact = createPact(work, options.logLevel);
    for (const definition of definitions) await runInteraction(pact, definition);
    const file = await finishContract(work, options.pactDir, definitions);
    return { files: [file], interactions: definitions.map((d) => d.description) };
  } finally {
    await removeDir(work);
  }
}
