import { EngineError, type ErrorDetail } from '../../errors/index.js';
import { compileFilter } from '../../records/filter-language.js';
import type { CompiledObject } from '../compiled-object.js';
import type { SharingRuleDefinition } from '../schemas/generated/sharing-rule.js';
import { granteeKey, granteeTarget } from './grantee-keys.js';
import type { ResolvedGroup, ResolvedRole, ResolvedSharingRule } from './resolved-security.js';
import { msg } from '../../i18n/message.js';

/**
 * A sharing rule's object must exist and own its records' access (a detail object follows its
 * master), its criteria must be a valid filter of that object, its roles and groups must exist.
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
  let criteria = null;
  if (definition.criteria !== undefined) {
    try {
      criteria = compileFilter(object, definition.criteria);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push(...error.details.map((detail) => ({ path: detail.path.replace(/^\/filter/, '/criteria'), message: detail.message })));
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
