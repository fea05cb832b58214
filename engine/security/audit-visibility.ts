import { corporateAmountField } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Filter } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { recordAccess, userAccess } from './access/index.js';
import type { AuditEntry } from '../audit/audit-log.js';

const METADATA_ACTION = '^metadata\\.';

/** The object whose records `auth.*` entries are about: the user who signed in, whose token it was. */
const USER_OBJECT = 'user';

/**
 * Which audit entries a holder of the view-audit-log right may read, and what of them. The log is
 * read like the records it is about: entries of records the user may see (in the recycle bin too),
 * with the values of fields hidden from them left out; entries of metadata changes for those who
 * may manage metadata. Entries of a purged record (nothing left to share) are for users who may
 * view all records of its object. Sign-ins and tokens are entries about user records; job failures
 * are for every holder of the right, as the job list is.
 */
export interface AuditScope {
  /** Narrows the store query: entries of objects the user cannot read at all never leave the store. */
  readonly filter: Filter;
  /** Keeps the entries of a page the user may read, each as they may read it. */
  visible(entries: readonly AuditEntry[]): Promise<AuditEntry[]>;
}

export function auditScope(ctx: OperationContext): AuditScope {
  const access = userAccess(ctx.snapshot, ctx.principal);
  const metadata = access.system.manageMetadata || ctx.principal.system === true;
  const everything = access.system.viewAllData || ctx.principal.system === true;
  const notMetadata: Filter = { action: { $not: { $regex: METADATA_ACTION } } };
  if (everything) return { filter: metadata ? {} : notMetadata, visible: async (entries) => [...entries] };

  const readable = [...ctx.snapshot.objects.values()].filter((object) => access.object(object.name).read).map((object) => object.name);
  const filter: Filter = {
    $or: [
      { object: { $in: readable } },
      // Sign-ins and tokens name no object; their record is a user.
      ...(readable.includes(USER_OBJECT) ? [{ object: { $exists: false } }] : [{ object: { $exists: false }, record: { $exists: false } }]),
      { action: 'job.failed' },
      ...(metadata ? [{ action: { $regex: METADATA_ACTION } }] : []),
    ],
  };
  return { filter, visible: (entries) => visibleEntries(ctx, entries) };
}

async function visibleEntries(ctx: OperationContext, entries: readonly AuditEntry[]): Promise<AuditEntry[]> {
  const seen = new Map<string, Set<string>>();
  for (const [objectName, ids] of recordsByObject(entries)) {
    const object = ctx.snapshot.object(objectName);
    seen.set(objectName, object ? await seenRecords(ctx, object, ids) : new Set());
  }
  const shown: AuditEntry[] = [];
  for (const entry of entries) {
    const objectName = recordObjectOf(entry);
    if (objectName === undefined) {
      shown.push(entry);
      continue;
    }
    const object = ctx.snapshot.object(objectName);
    if (!object) continue;
    if (entry.record !== undefined && !seen.get(objectName)?.has(entry.record)) continue;
    shown.push(withReadableChanges(ctx, object, entry));
  }
  return shown;
}

/** The object of the record an entry is about, or undefined for entries about no record (job failures, metadata). */
function recordObjectOf(entry: AuditEntry): string | undefined {
  if (entry.action === 'job.failed' || entry.action.startsWith('metadata.')) return undefined;
  if (entry.object !== undefined) return entry.object;
  return entry.record !== undefined ? USER_OBJECT : undefined;
}

function recordsByObject(entries: readonly AuditEntry[]): Map<string, Set<string>> {
  const byObject = new Map<string, Set<string>>();
  for (const entry of entries) {
    const object = recordObjectOf(entry);
    if (object === undefined || entry.record === undefined) continue;
    let ids = byObject.get(object);
    if (!ids) byObject.set(object, (ids = new Set()));
    ids.add(entry.record);
  }
  return byObject;
}

/**
 * The records among `ids` the user may read, the recycle bin included, found by the same access
 * filter as any read. A purged record is found by nobody: it counts as seen for users who may
 * view all records of its object, since no owner or share is left to decide.
 */
async function seenRecords(ctx: OperationContext, object: CompiledObject, ids: ReadonlySet<string>): Promise<Set<string>> {
  if (!userAccess(ctx.snapshot, ctx.principal).object(object.name).read) return new Set();
  const reach = await recordAccess(ctx, object, 'read');
  if (reach === true) return new Set(ids);
  const collection = ctx.tenant.store.collection(object.collection);
  const found = await collection.find({ $and: [{ _id: { $in: [...ids] } }, reach] }, { projection: { _id: 1 } });
  return new Set(found.map((record) => record._id));
}

/** An entry with the changes of fields hidden from the user left out (their converted amounts too). */
function withReadableChanges(ctx: OperationContext, object: CompiledObject, entry: AuditEntry): AuditEntry {
  if (!entry.changes || entry.action === 'record.export') return entry;
  const { readable } = userAccess(ctx.snapshot, ctx.principal).fields(object);
  const twins = new Set(object.object.fields.filter((field) => field.type === 'currency' && readable.has(field.name)).map((field) => corporateAmountField(field.name)));
  // A name that is no field now (a field since deleted) may have been hidden then: left out too.
  const shown = Object.entries(entry.changes).filter(([name]) => name.startsWith('_') || readable.has(name) || twins.has(name));
  return { ...entry, changes: Object.fromEntries(shown) };
}
