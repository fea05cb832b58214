import type { ErrorDetail } from '../errors/index.js';
import { readableErrors } from './readable-errors.js';
import { CompiledObject } from './compiled-object.js';
import { checkDefinition } from './definition-validator.js';
import { resolveObject } from './resolve-object.js';
import { Snapshot } from './snapshot.js';
import type { ObjectDefinition } from './schemas/generated/object.js';

export interface SnapshotResult {
  snapshot: Snapshot;
  /** Problems per object name; the snapshot is only usable when there are none. */
  problems: Map<string, ErrorDetail[]>;
}

/**
 * Compiles a tenant's definitions into a snapshot. Objects whose definition is unchanged since
 * `previous` keep their compiled form, so a change to one object costs the compilation of one.
 */
export function compileSnapshot(version: number, definitions: readonly ObjectDefinition[], previous?: Snapshot): SnapshotResult {
  const problems = new Map<string, ErrorDetail[]>();
  const known = new Set(definitions.map((definition) => definition.name));
  const objects = new Map<string, CompiledObject>();
  for (const definition of definitions) {
    const own = compileOne(definition, known, previous);
    if (own.problems.length > 0) problems.set(definition.name, own.problems);
    if (own.compiled) objects.set(definition.name, own.compiled);
  }
  return { snapshot: new Snapshot(version, objects), problems };
}

function compileOne(
  definition: ObjectDefinition,
  known: ReadonlySet<string>,
  previous: Snapshot | undefined,
): { compiled?: CompiledObject; problems: ErrorDetail[] } {
  const checked = checkDefinition('object', definition);
  if (!checked.ok) return { problems: checked.problems };
  const { object, problems } = resolveObject(checked.definition, known);
  if (problems.length > 0) return { problems };

  const reusable = previous?.object(definition.name);
  const compiled =
    reusable && JSON.stringify(reusable.definition) === JSON.stringify(definition)
      ? reusable
      : new CompiledObject(structuredClone(definition), object);
  return { compiled, problems: defaultProblems(compiled) };
}

/** A default must be a value the field would accept from a client. */
function defaultProblems(compiled: CompiledObject): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  compiled.object.fields.forEach((field, index) => {
    if (field.default === undefined) return;
    const validate = compiled.valueValidator(field);
    if (!validate(field.default)) {
      for (const detail of readableErrors(validate.errors ?? [], { unknownProperty: 'is not allowed' })) {
        problems.push({ path: `/fields/${index}/default${detail.path}`, message: detail.message });
      }
    }
  });
  return problems;
}
