import { EngineError, type ErrorDetail } from '../../errors/index.js';
import { compileCriteria } from '../query/filter-language.js';
import type { Filter } from '../../store/port.js';
import type { CompiledObject } from '../compiled-object.js';
import type { SharingRuleDefinition } from '../../schemas/generated/sharing-rule.js';
import { granteeKey, granteeTarget } from './grantee-keys.js';
import type { ResolvedGroup, ResolvedRole, ResolvedSharingRule } from './resolved-security.js';
import { msg } from '../../i18n/message.js';

/**
 * A sharing rule's object must exist and own its records' access (a detail object follows its
 * master), its criteria must be a valid filter of that object that is not empty (or "all"), its
 * roles and groups must exist. A stored rule that fails this is left out of the snapshot, so it
 * opens nothing (the registry logs why).
 */
export function resolveSharingRule(
  definition: SharingRuleDefinition,
  objects: ReadonlyMap<string, CompiledObject>,
  roles: ReadonlyMap<string, ResolvedRole>,
  groups: ReadonlyMap<string, ResolvedGroup>,
): { rule?: ResolvedSharingRule; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const object = objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };
  if (object.object.master) {
    problems.push({ path: '/object', message: msg`${object.name} is a detail of ${object.object.master.target}: its records are shared with their master, share ${object.object.master.target} instead` });
  } else if (object.object.sharing !== 'private' && object.object.sharing !== 'publicRead') {
    problems.push({ path: '/object', message: msg`${object.name} is public read/write already: a sharing rule would open nothing (set its sharing to private or publicRead first)` });
  }
  let criteria: Filter | null = null;
  if (definition.criteria === 'all') {
    // Said in so many words: every record of the object, the one way a rule opens them all.
    criteria = {};
  } else if (definition.criteria !== undefined) {
    try {
      criteria = compileCriteria(object, definition.criteria, '/criteria', msg`to share every record, set criteria to "all"`);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push(...error.details);
    }
  }
  for (const [path, grantee] of [['/sharedWith', definition.sharedWith], ['/ownedBy', definition.ownedBy]] as const) {
    if (!grantee) continue;
    const [kind, name] = granteeTarget(grantee);
    if (kind === 'role' && !roles.has(name)) problems.push({ path, message: msg`there is no role named '${name}'` });
    if (kind === 'group' && !groups.has(name)) problems.push({ path, message: msg`there is no group named '${name}'` });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    rule: {
      definition,
      name: definition.name,
      object: object.name,
      criteria,
      ownedBy: definition.ownedBy ? granteeKey(definition.ownedBy) : null,
      sharedWith: granteeKey(definition.sharedWith),
      access: definition.access,
    },
  };
}
