import type { Principal } from '../context/principal.js';

/**
 * Whether what names `permissionSets` (an app, a shared list view) is shown to a user: when it
 * names none, to everyone; otherwise to holders of one of them.
 */
export function shownTo(permissionSets: readonly string[], principal: Principal): boolean {
  return permissionSets.length === 0 || principal.permissionSets.some((set) => permissionSets.includes(set));
}
