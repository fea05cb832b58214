import type { ErrorDetail } from '../../errors/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { checkDefinition } from '../definition-validator.js';
import type { Definitions } from '../kinds/index.js';
import { resolveGroup } from './resolve-groups.js';
import { resolvePermissionSet } from './resolve-permission-sets.js';
import { resolveRoles } from './resolve-roles.js';
import { resolveSharingRule } from './resolve-sharing-rule.js';
import type { ResolvedGroup, ResolvedPermissionSet, ResolvedSharingRule, SecurityModel } from './resolved-security.js';

/** The definitions of the security kinds, as the registry holds them. */
export type SecurityDefinitions = Pick<Definitions, 'role' | 'group' | 'permissionSet' | 'sharingRule'>;

type Kind = keyof SecurityDefinitions;

/** Roles first (groups and rules name them), then groups, permission sets and sharing rules. */
export function compileSecurity(
  definitions: SecurityDefinitions,
  objects: ReadonlyMap<string, CompiledObject>,
  report: (kind: Kind, name: string, problems: ErrorDetail[]) => void,
): SecurityModel {
  const valid = <K extends Kind>(kind: K): SecurityDefinitions[K] =>
    definitions[kind].filter((definition) => {
      const checked = checkDefinition(kind, definition);
      if (!checked.ok) report(kind, definition.name, checked.problems);
      return checked.ok;
    }) as SecurityDefinitions[K];

  const roles = resolveRoles(valid('role'), (name, problems) => report('role', name, problems));
  const groups = new Map<string, ResolvedGroup>();
  for (const definition of valid('group')) {
    const { group, problems } = resolveGroup(definition, roles);
    if (group) groups.set(group.name, group);
    else report('group', definition.name, problems);
  }
  const permissionSets = new Map<string, ResolvedPermissionSet>();
  for (const definition of valid('permissionSet')) {
    const { set, problems } = resolvePermissionSet(definition, objects);
    if (set) permissionSets.set(set.name, set);
    else report('permissionSet', definition.name, problems);
  }
  const sharingRules = new Map<string, ResolvedSharingRule>();
  const byObject = new Map<string, ResolvedSharingRule[]>();
  for (const definition of valid('sharingRule')) {
    const { rule, problems } = resolveSharingRule(definition, objects, roles, groups);
    if (!rule) {
      report('sharingRule', definition.name, problems);
      continue;
    }
    sharingRules.set(rule.name, rule);
    byObject.set(rule.object, [...(byObject.get(rule.object) ?? []), rule]);
  }
  return { roles, groups, permissionSets, sharingRules, rulesOf: (object) => byObject.get(object) ?? [] };
}
