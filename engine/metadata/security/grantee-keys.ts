import type { Grantee } from '../../schemas/generated/sharing-rule.js';
import type { GranteeKey } from './resolved-security.js';

export const userKey = (id: string): GranteeKey => `u:${id}`;
export const roleKey = (role: string): GranteeKey => `r:${role}`;
export const roleAndSubordinatesKey = (role: string): GranteeKey => `rs:${role}`;
export const groupKey = (group: string): GranteeKey => `g:${group}`;

export function granteeKey(grantee: Grantee): GranteeKey {
  if ('role' in grantee) return roleKey(grantee.role);
  if ('roleAndSubordinates' in grantee) return roleAndSubordinatesKey(grantee.roleAndSubordinates);
  return groupKey(grantee.group);
}

/** The role or group a grantee names, for reference checks: ['role', 'sales'] or ['group', 'bid']. */
export function granteeTarget(grantee: Grantee): ['role' | 'group', string] {
  if ('role' in grantee) return ['role', grantee.role];
  if ('roleAndSubordinates' in grantee) return ['role', grantee.roleAndSubordinates];
  return ['group', grantee.group];
}
