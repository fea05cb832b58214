import type { CompiledObject } from '../../metadata/compiled-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { nameField } from '../search/name-field.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import type { OperationContext } from '../../context/index.js';
import { hasSystemRight } from '../../security/object-access.js';
import { recordAccess, withAccess } from '../../security/access/record-access.js';
import { userAccess } from '../../security/access/user-access.js';

/**
 * What an access explanation may tell the one who asks. Whoever may ask about anyone (manage
 * users, view all data) is told everything; a user asking about themselves is told only what they
 * read anyway, so that asking never becomes a way round the access it explains.
 */
export interface AccessDisclosure {
  /** The asker may ask about any user: every name, value and hidden field is told. */
  readonly whole: boolean;
  /**
   * The labels and API names of roles, permission sets and sharing rules, which only those who
   * read these definitions (manage users, manage metadata) see; the others get the API names of
   * their own role and sets, which their user record holds, and no sharing rule's name.
   */
  readonly definitions: boolean;
  /** One field of one record, when the asker may read it there; null otherwise. */
  value(object: CompiledObject, id: string, field: string): Promise<unknown>;
  /** A record's name as the asker would see it named (by the next candidate when `name` is hidden from them), or null. */
  name(object: CompiledObject, id: string): Promise<string | null>;
}

export function accessDisclosure(ctx: OperationContext, whole: boolean): AccessDisclosure {
  const told = tellValues(ctx, whole);
  const hidden = (object: CompiledObject): ReadonlySet<string> => (whole ? new Set() : userAccess(ctx.snapshot, ctx.principal).fields(object).hidden);
  return {
    whole,
    definitions: whole || hasSystemRight(ctx, 'manageMetadata') || hasSystemRight(ctx, 'manageUsers'),
    value: told,
    name: async (object, id) => {
      const field = nameField(object, hidden(object));
      const value = field ? await told(object, id, field.name) : null;
      return typeof value === 'string' ? value : null;
    },
  };
}

type Value = (object: CompiledObject, id: string, field: string) => Promise<unknown>;

function tellValues(ctx: OperationContext, whole: boolean): Value {
  const records = (object: CompiledObject) => ctx.tenant.store.collection<StoredRecord>(object.collection);
  // Deleted records too: the user who shared a record may have been deleted since.
  if (whole) return async (object, id, field) => (await records(object).findOne({ _id: id }, { projection: { _id: 1, [field]: 1 } }))?.[field] ?? null;
  const access = userAccess(ctx.snapshot, ctx.principal);
  // The read a GET of the record makes: the object's right, the field's, the record's reach.
  return async (object, id, field) => {
    if (!access.object(object.name).read || !access.fields(object).readable.has(field)) return null;
    const reach = await recordAccess(ctx, object, 'read');
    return (await records(object).findOne(alive(withAccess({ _id: id }, reach)), { projection: { _id: 1, [field]: 1 } }))?.[field] ?? null;
  };
}
