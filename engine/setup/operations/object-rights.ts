import type { ObjectRights } from '../../metadata/security/resolved-security.js';
import { userAccess } from '../../security/access/user-access.js';
import { visibleSnapshot } from '../../security/access/visible-metadata.js';
import type { OperationContext } from '../../context/index.js';

/**
 * What the user may do with the records of each object they may know of, as their permission sets
 * grant it (modify all data grants everything): the web app offers only what the server would
 * allow, so a user who may only read sees no "New", no edit and no delete. Sharing and ownership
 * still decide per record; these are the object-level rights the server checks first.
 */
export function objectRightsOf(ctx: OperationContext): Record<string, ObjectRights> {
  const access = userAccess(ctx.snapshot, ctx.principal);
  return Object.fromEntries([...visibleSnapshot(ctx.snapshot, ctx.principal).objects.keys()].map((name) => [name, access.object(name)]));
}
