/**
 * A SchemaSet (src/schema/load.ts interface) tuned for lint: the generated schemas are compiled by one
 * ajv 2020 instance (+ ajv-formats, allErrors) like load.ts does, but with ajv's code optimisation off,
 * referenced type schemas compiled once as their own functions (inlineRefs off) and no meta-schema
 * validation of the (generated, separately tested) files. Measured on the shared corpus: compiling every
 * operation's validators takes 3.1 s instead of 15.5 s; adding the 7,912 files 0.3 s instead of 2.8 s.
 * Lint compiles a validator only for operations with an example body, once, cached.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SchemaIndex } from '../model/schema-layout.js';
import { schemaId } from '../model/schema-layout.js';
import type { JsonSchema } from '../schema/edm.js';
import type { SchemaSet } from '../schema/load.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export function lintSchemaSet(index: SchemaIndex, files: Map<string, JsonSchema>): SchemaSet {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, validateSchema: false, inlineRefs: false, code: { optimize: false } });
  addFormats(ajv);
  const paths = [...files.keys()].sort();
  for (const path of paths) ajv.addSchema(files.get(path) as object, schemaId(path));
  const cache = new Map<string, ValidateFunction>();
  return {
    dir: '(generated from the docs)',
    index,
    paths,
    schema: (relativePath) => files.get(relativePath),
    validator(relativePath) {
      let validate = cache.get(relativePath);
      if (!validate) {
        validate = ajv.getSchema(schemaId(relativePath));
        if (!validate) throw new Error(`no schema ${relativePath} was generated`);
        cache.set(relativePath, validate);
      }
      return validate;
    },
  };
}
