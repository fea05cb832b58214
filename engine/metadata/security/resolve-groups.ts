import type { ErrorDetail } from '../../errors/index.js';
import { resolveLabels } from '../labels.js';
import type { GroupDefinition } from '../../schemas/generated/group.js';
import type { ResolvedGroup, ResolvedRole } from './resolved-security.js';
import { msg } from '../../i18n/message.js';

/** A group's roles must exist; "roles and subordinates" are expanded here, once. */
export function resolveGroup(definition: GroupDefinition, roles: ReadonlyMap<string, ResolvedRole>): { group?: ResolvedGroup; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const members = new Set<string>();
  (definition.roles ?? []).forEach((name, index) => {
    if (!roles.has(name)) problems.push({ path: `/roles/${index}`, message: msg`there is no role named '${name}'` });
    else members.add(name);
  });
  (definition.rolesAndSubordinates ?? []).forEach((name, index) => {
    const role = roles.get(name);
    if (!role) problems.push({ path: `/rolesAndSubordinates/${index}`, message: msg`there is no role named '${name}'` });
    else for (const member of [name, ...role.below]) members.add(member);
  });
  if (problems.length > 0) return { problems };
  return {
    problems,
    group: { definition, name: definition.name, label: resolveLabels(definition.label, definition.name), users: new Set(definition.users ?? []), roles: members },
  };
}
