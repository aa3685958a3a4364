/**
 * The inputs of the contracts (I/O edge): the documented example bodies, read from the docs through the
 * parser and the catalog corrected by the errata (apidocs/errata), and the JSON Schemas the response
 * matchers come from. Everything after this module is pure.
 */
import { join } from 'node:path';
import { buildFromDocs, loadCatalog } from '../schema/pipeline.js';
import { loadSchemaSet } from '../schema/load.js';
import type { Erratum } from '../errata/index.js';
import type { Catalog } from '../model/catalog.js';
import type { JsonBody } from '../model/page.js';
import type { SchemaIndex } from '../model/schema-layout.js';
import { matchersFromSchema, type BodyMatchers, type JsonSchema } from './matchers-from-schema.js';

/** Which documented example: `<version> <operationId> request|response`. */
export type ExampleKey = `${string} ${string} ${'request' | 'response'}`;

/** The project root: the package root (src/util/package.ts). */
import { PACKAGE_ROOT as PROJECT_ROOT } from '../util/package.js';

export { PROJECT_ROOT };

export interface SourceOptions {
  /** Docs directories; default the project's apidocs/. */
  docs?: string[];
  /** Built schemas directory; default the project's schemas/. */
  schemas?: string;
}

export interface DocumentedBody {
  /** The example as the errata correct it (as written when no erratum touched it). */
  value: unknown;
  /** Where the example is: `apidocs/api/application-addkey.md:67`. */
  source: string;
  /** The errata that corrected it, with their reasons (for the interaction's comments). */
  errata: { id: string; reason: string }[];
}

export interface ContractSources {
  /** The catalog the examples come from, corrected by the errata (generic interactions read its operations). */
  readonly catalog: Catalog;
  /** A documented example body, corrected by the errata. Throws naming the page when there is none. */
  example(key: ExampleKey): DocumentedBody;
  /** Why an erratum corrects the docs (its `reason`), for the interactions' comments; '' when unknown. */
  errataReason(id: string): string;
  /** Matchers for a success response body of an operation, from its response schema. */
  responseMatchers(version: string, operationId: string, example: unknown): BodyMatchers;
}

/** A documentation or schema input the contracts cannot be built from: one line naming the file. */
export class ContractSourceError extends Error {}

export async function loadContractSources(options: SourceOptions = {}): Promise<ContractSources> {
  const docs = options.docs ?? [join(PROJECT_ROOT, 'apidocs')];
  if (options.docs && !options.schemas) {
    // Other docs than the project's: their schemas are built in memory, not read from the project's schemas/.
    const built = await buildFromDocs(options.docs);
    if (built.unreadable.length > 0) throw new ContractSourceError(built.unreadable[0].message);
    const stale = built.findings.find((f) => f.ruleId === 'erratum-stale');
    if (stale) throw new ContractSourceError(`${stale.file}:${stale.line}: ${stale.message} (see \`graphpact lint\`)`);
    const files = built.output.schemaFiles;
    return contractSources(built.catalog, built.output.index, (p) => files.get(p) as JsonSchema | undefined, '(schemas built from --docs)', built.errata);
  }
  const schemasDir = options.schemas ?? join(PROJECT_ROOT, 'schemas');
  const { catalog, errata, errataFindings } = await loadCatalog(docs, { root: PROJECT_ROOT });
  // A stale erratum leaves its defect in the catalog: a contract would demand it from every provider.
  const stale = errataFindings[0];
  if (stale) throw new ContractSourceError(`${stale.file}:${stale.line}: ${stale.message} (see \`graphpact lint\`)`);
  const schemaSet = await loadSchemaSet(schemasDir).catch((err: Error) => {
    throw new ContractSourceError(err.message);
  });
  return contractSources(catalog, schemaSet.index, (p) => schemaSet.schema(p), schemasDir, errata);
}

/** Sources over an in-memory catalog and schema lookup (what tests use). */
export function contractSources(catalog: Catalog, index: SchemaIndex, lookup: (relativePath: string) => JsonSchema | undefined, schemasDir = 'schemas', errata: readonly Erratum[] = []): ContractSources {
  const reasons = new Map(errata.map((e) => [e.id, e.reason]));
  return {
    catalog,
    example(key) {
      const [version, operationId, part] = key.split(' ') as [string, string, 'request' | 'response'];
      const op = catalog.operations.find((o) => o.version === version && o.id === operationId);
      if (!op) throw new ContractSourceError(`the docs document no operation ${operationId} in version ${version}`);
      const bodies = op.examples.map((e) => (part === 'request' ? e.request?.body : e.response?.body)).filter((b): b is JsonBody => !!b);
      const body = bodies.find((b) => b.value !== undefined);
      const page = op.sources[0]?.file ?? '(unknown page)';
      if (!body) {
        const broken = bodies.find((b) => b.error);
        throw new ContractSourceError(broken
          ? `${broken.file}:${broken.errorLine ?? broken.line}: the ${part} example of ${operationId} (${version}) is not JSON: ${broken.error}`
          : `${page}: no ${part} example with a JSON body for ${operationId} (${version})`);
      }
      return { value: body.value, source: `${body.file}:${body.line}`, errata: (body.errata ?? []).map((id) => ({ id, reason: reasons.get(id) ?? '' })) };
    },
    errataReason: (id) => reasons.get(id) ?? '',
    responseMatchers(version, operationId, example) {
      const entry = index.operations.find((o) => o.version === version && o.id === operationId);
      if (!entry?.response) throw new ContractSourceError(`${schemasDir}/index.json: no response schema for ${operationId} (${version}) — run \`graphpact build\``);
      const schema = lookup(entry.response);
      if (!schema) throw new ContractSourceError(`${schemasDir}/${entry.response}: missing — run \`graphpact build\``);
      return matchersFromSchema(schema, example, { path: entry.response, lookup });
    },
  };
}
