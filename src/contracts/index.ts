/** Pact V4 consumer contracts: see README section "Contracts" and src/contracts/interactions.ts. */
export { writeContracts, type WriteContractsOptions, type WrittenContracts } from './write.js';
export { graphInteractions, CONSUMER, PROVIDER, CONTRACT_VERSION, EXAMPLE_APPLICATION_ID } from './interactions.js';
export { CONTRACT_FILE, createPact, declare, runInteraction, finishContract, pactWorkDir, removeDir } from './pact.js';
export { loadContractSources, contractSources, ContractSourceError, PROJECT_ROOT, type ContractSources, type DocumentedBody, type ExampleKey } from './sources.js';
export { FAKE, STATES, PARAMS, STATE_PARAMS, missingStateParams, stateExpression, fromState, StateValue } from './states.js';
export type { StateName, ParamName, ApplicationWithCertificateParams, NoApplicationParams } from './states.js';
export { matchersFromSchema, ExampleMismatchError, type BodyMatchers, type NullableRule, type PactRule } from './matchers-from-schema.js';
export { normaliseContract, contractText, findSecretShapedLine } from './normalise.js';
export * as patterns from './patterns.js';
