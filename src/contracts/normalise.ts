/**
 * What happens to the contract Pact wrote before it is committed. Pure.
 * - Nullable response properties get their alternative (`combine: "OR"`): Pact's DSL cannot say
 *   "X or null", its contract format can, and its verifier honours it.
 * - Interactions are sorted by description and every object's keys sorted, so the same definitions
 *   give the same bytes whatever order the tests ran in. Pact itself adds nothing variable: no
 *   timestamps, no ports; its metadata holds the pact-js and Rust core versions, which the lockfile pins.
 * - The text must survive redaction unchanged: a contract that would contain anything shaped like a
 *   token, JWT, private key or secret field value is refused, not silently mangled.
 */
import { redactText } from '../util/redact.js';
import { sortKeys, stableJson } from '../util/fs.js';
import type { InteractionDefinition } from './interaction.js';
import type { PactRule } from './matchers-from-schema.js';

interface RuleList {
  combine?: string;
  matchers: PactRule[];
}

interface PactInteraction {
  description: string;
  response?: { matchingRules?: { body?: Record<string, RuleList> } };
  [key: string]: unknown;
}

interface PactFile {
  interactions: PactInteraction[];
  [key: string]: unknown;
}

export function normaliseContract(pact: PactFile, definitions: readonly InteractionDefinition[]): PactFile {
  const interactions = pact.interactions.map((written) => {
    const definition = definitions.find((d) => d.description === written.description);
    if (!definition) throw new Error(`the contract holds an interaction no definition describes: "${written.description}"`);
    return withNullableAlternatives(written, definition);
  });
  interactions.sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  return sortKeys({ ...pact, interactions });
}

function withNullableAlternatives(written: PactInteraction, definition: InteractionDefinition): PactInteraction {
  const nullable = definition.response.body?.nullable ?? [];
  if (nullable.length === 0) return written;
  const out = structuredClone(written);
  const rules = out.response?.matchingRules?.body;
  for (const { path, alsoAccept } of nullable) {
    const list = rules?.[path];
    if (!rules || !list) throw new Error(`interaction "${written.description}": Pact wrote no matching rule for ${path}`);
    const matchers = [...list.matchers];
    for (const alternative of alsoAccept) {
      if (!matchers.some((m) => JSON.stringify(sortKeys(m)) === JSON.stringify(sortKeys(alternative)))) matchers.push(alternative);
    }
    rules[path] = { combine: 'OR', matchers };
  }
  return out;
}

/** A secret-shaped value in the contract text, if any: the first line redaction would change. */
export function findSecretShapedLine(text: string): { line: number; text: string } | undefined {
  if (redactText(text) === text) return undefined;
  const lines = text.split('\n');
  const index = lines.findIndex((l) => redactText(l) !== l);
  return { line: index + 1, text: redactText(lines[index] ?? '').trim() };
}

/** The committed form of a contract; throws when it would carry anything secret-shaped. */
export function contractText(pact: PactFile, definitions: readonly InteractionDefinition[], fileName: string): string {
  const text = stableJson(normaliseContract(pact, definitions));
  const secret = findSecretShapedLine(text);
  if (secret) throw new Error(`${fileName}:${secret.line}: refusing to write a contract holding a secret-shaped value (${secret.text})`);
  return text;
}
