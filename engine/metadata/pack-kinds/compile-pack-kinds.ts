import type { ErrorDetail } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { readableErrors } from '../readable-errors.js';
import type { Snapshot } from '../snapshot.js';
import type { PackDefinition, PackKind } from './pack-kind.js';
import { PackKindSet, type KeptPackDefinition } from './pack-kind-set.js';

/**
 * The definitions of the packs' kinds, compiled last against the rest of the snapshot (`base`):
 * each checked against its kind's schema, the object it belongs to, the kind's own checks, then
 * compiled. A definition with problems is reported and left out.
 */
export function compilePackKinds(
  kinds: ReadonlyMap<string, PackKind>,
  definitionsOf: (kind: string) => readonly PackDefinition[],
  base: Snapshot,
  report: (kind: string, name: string, problems: ErrorDetail[]) => void,
): PackKindSet {
  const kept = new Map<string, Map<string, KeptPackDefinition>>();
  for (const kind of kinds.values()) {
    const ofKind = new Map<string, KeptPackDefinition>();
    for (const definition of definitionsOf(kind.kind)) {
      const result = compileOne(kind, definition, base);
      if ('problems' in result) report(kind.kind, definition.name, result.problems);
      else ofKind.set(definition.name, result);
    }
    kept.set(kind.kind, ofKind);
  }
  return new PackKindSet(kinds, kept);
}

/** A definition checked against its pack kind's schema: typed, or every problem with its path. */
export function checkPackDefinition(kind: PackKind, candidate: unknown): { ok: true; definition: PackDefinition } | { ok: false; problems: ErrorDetail[] } {
  if (kind.validate(candidate)) return { ok: true, definition: candidate };
  return { ok: false, problems: readableErrors(kind.validate.errors ?? [], { unknownProperty: msg`is not a property of a ${kind.noun} definition`, data: candidate }) };
}

function compileOne(kind: PackKind, candidate: PackDefinition, base: Snapshot): KeptPackDefinition | { problems: ErrorDetail[] } {
  const checked = checkPackDefinition(kind, candidate);
  if (!checked.ok) return checked;
  const { objectProperty, check, compile } = kind.declaration;
  const problems: ErrorDetail[] = [];
  if (objectProperty !== undefined) {
    const object = candidate[objectProperty];
    if (typeof object !== 'string' || !base.object(object)) problems.push({ path: `/${objectProperty}`, message: msg`there is no object named '${String(object)}'` });
  }
  // The pack's code: a throw is the definition's problem, not the whole snapshot's.
  try {
    if (problems.length === 0 && check) problems.push(...check(candidate, base));
    if (problems.length > 0) return { problems };
    return { definition: candidate, compiled: compile ? compile(candidate, base) : candidate };
  } catch (error) {
    return { problems: [{ path: '', message: msg`could not be checked and compiled by its pack: ${(error as Error).message}` }] };
  }
}
