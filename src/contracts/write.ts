/** `writeContracts()`: the consumer contracts without mocha, for the `npm start` pipeline and `graphpact contracts`. */
import { CONTRACT_VERSION, graphInteractions, SEED_SPECIALISATIONS } from './interactions.js';
import { genericInteractions } from './generic.js';
import { assessOperations, type Selection } from '../select/index.js';
import type { InteractionDefinition } from './interaction.js';
import { ContractSourceError, type ContractSources } from './sources.js';
import { createPact, finishContract, pactWorkDir, removeDir, runInteraction, type PactLogLevel } from './pact.js';
import { loadContractSources, type SourceOptions } from './sources.js';

export interface WriteContractsOptions extends SourceOptions {
  /** Where the contract goes (`contracts/` in the pipeline). */
  pactDir: string;
  logLevel?: PactLogLevel;
  /**
   * `--operations`: the contract covers these operations, each through the generic mechanism
   * (src/contracts/generic.ts), the seed operations with their specialisations. Absent: the seed contract.
   */
  selection?: Selection;
  /** API version of the generic interactions (the provider's base URL carries it); default beta. */
  version?: string;
}

export interface WrittenContracts {
  /** Paths of the written contract files. */
  files: string[];
  interactions: string[];
}

export async function writeContracts(options: WriteContractsOptions): Promise<WrittenContracts> {
  const sources = await loadContractSources(options);
  const definitions = options.selection ? selectedInteractions(sources, options.selection, options.version ?? CONTRACT_VERSION) : graphInteractions(sources);
  if (definitions.length === 0) throw new ContractSourceError(`--operations ${options.selection!.terms.join(',')} selects no operation with a documented request example in version ${options.version ?? CONTRACT_VERSION}`);
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

/** Generic interactions for every selected operation, the seed operations specialised (src/contracts/interactions.ts). */
function selectedInteractions(sources: ContractSources, selection: Selection, version: string): InteractionDefinition[] {
  const ops = sources.catalog.operations.filter((op) => op.version === version && selection.matches(op));
  return genericInteractions({ catalog: sources.catalog, assessments: assessOperations(sources.catalog.operations, ops), sources, specialisations: SEED_SPECIALISATIONS });
}
