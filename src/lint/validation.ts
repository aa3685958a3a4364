/** The body validators lint rules use (ctx.validators): an operation's request and response schema files of a set. */
import type { Operation } from '../model/catalog.js';
import type { SchemaIndex } from '../model/schema-layout.js';
import type { SchemaSet, SchemaValidator } from '../schema/load.js';
import type { BodyValidators } from './types.js';

/** Request/response validators of an operation, found through the schema index (compiled once, cached by the set). */
export function validatorsOf(set: SchemaSet): BodyValidators {
  const paths = schemaPaths(set.index);
  return {
    request: (op) => validatorAt(set, paths(op)?.request),
    response: (op) => validatorAt(set, paths(op)?.response),
  };
}

function validatorAt(set: SchemaSet, path: string | undefined): SchemaValidator | undefined {
  return path ? set.validator(path) : undefined;
}

function schemaPaths(index: SchemaIndex): (op: Operation) => { request?: string; response?: string } | undefined {
  const entries = new Map(index.operations.map((e) => [`${e.version}\0${e.id}`, e]));
  return (op) => entries.get(`${op.version}\0${op.id}`);
}
