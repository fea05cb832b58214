import { ValidationError } from '../errors/index.js';
import type { OperationContext } from '../context/index.js';
import { listRecords, type ListRequest, type ListResponse } from './list-records.js';
import { recordNotFound, recordObject } from './record-object.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { checkObjectRight, fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import { msg } from '../i18n/message.js';

/**
 * The child records of one record through a lookup or master-detail field of the child object:
 * a list like any other (filter, sort, paging, expand), narrowed to the parent in the query.
 */
export async function listRelated(
  ctx: OperationContext,
  objectName: string,
  id: string,
  childName: string,
  request: ListRequest & { field?: string },
): Promise<ListResponse> {
  const parent = recordObject(ctx, objectName);
  const child = recordObject(ctx, childName);
  // The rights on both objects come first (403), before anything about their fields or records.
  checkObjectRight(ctx, parent, 'read');
  checkObjectRight(ctx, child, 'read');
  const hidden = fieldAccess(ctx, child).hidden;
  const pointers = child.object.fields.filter(
    (field) =>
      !hidden.has(field.name) && (field.type === 'lookup' || field.type === 'masterdetail') && field.target === parent.name && (!request.field || field.name === request.field),
  );
  if (pointers.length !== 1) {
    const message = request.field
      ? msg`'${request.field}' is not a field of ${child.name} pointing at ${parent.name}`
      : pointers.length === 0
        ? msg`${child.name} has no field pointing at ${parent.name}`
        : msg`${child.name} has several fields pointing at ${parent.name} (${pointers.map((field) => field.name).join(', ')}); choose one with ?field=`;
    throw new ValidationError([{ path: request.field ? '/field' : `/related/${childName}`, message }]);
  }
  // The parent must be one the user sees; the children are then narrowed by their own access.
  const access = await recordAccess(ctx, parent, 'read');
  const found = await ctx.tenant.store.collection(parent.collection).findOne(alive(withAccess({ _id: id }, access)), { projection: { _id: 1 } });
  if (!found) throw recordNotFound(parent, id);
  return listRecords(ctx, childName, request, { filter: { [pointers[0]!.name]: id } });
}
