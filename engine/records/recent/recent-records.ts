import { ValidationError } from '../../errors/index.js';
import { localize } from '../../i18n/language.js';
import { msg } from '../../i18n/message.js';
import { fieldAccess, recordAccess, userAccess, withAccess } from '../../security/access/index.js';
import type { Doc } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { nameField } from '../search/name-field.js';

/** A user's recently opened records, one document per user and record: kept on the server so they follow the user. */
export const RECENT_RECORDS = 'ui.recentRecords';
/** A user's list, newest first. */
export const RECENT_INDEXES = [{ name: 'user_opened', keys: { user: 1 as const, openedAt: -1 as const } }];
/** How many records a user's list keeps; the oldest go first. */
export const RECENT_CAP = 20;

export interface RecentRecordDoc extends Doc {
  /** `<user>:<object>:<record>`: opening a record again moves its one entry to the front. */
  _id: string;
  user: string;
  object: string;
  record: string;
  openedAt: string;
}

/** One recent record as its reader may see it now: its name read at this moment, never stored. */
export interface RecentRecord {
  object: string;
  objectLabel: string;
  id: string;
  name: string;
  openedAt: string;
}

/**
 * Notes that the caller opened a record (one they may read: 404 otherwise, as for a read), at the
 * front of their list, which keeps the newest RECENT_CAP. Only ids are kept, no value of the record.
 */
export async function noteRecentRecord(ctx: OperationContext, body: unknown): Promise<void> {
  const given = (body ?? {}) as { object?: unknown; id?: unknown };
  if (typeof given !== 'object' || typeof given.object !== 'string' || typeof given.id !== 'string' || given.id === '' || given.id.length > 64) {
    throw new ValidationError([{ path: '', message: msg`must be an object with the opened record's object and id` }]);
  }
  const object = recordObject(ctx, given.object);
  const access = await recordAccess(ctx, object, 'read');
  const found = await ctx.tenant.store.collection(object.collection).findOne(alive(withAccess({ _id: given.id }, access)), { projection: { _id: 1 } });
  if (!found) throw recordNotFound(object, given.id);
  const user = ctx.principal.userId;
  await ctx.tenant.store.unitOfWork(async (tx) => {
    const entries = tx.collection<RecentRecordDoc>(RECENT_RECORDS);
    // Opened within the millisecond of the newest entry, a record goes one millisecond after it, so
    // that the list's order is the order of opening, however fast records are opened.
    const newest = await entries.findOne({ user }, { sort: { openedAt: -1, _id: 1 }, projection: { openedAt: 1 } });
    const newestAt = newest ? Date.parse(newest.openedAt) : Number.NEGATIVE_INFINITY;
    const openedAt = new Date(Math.max(Date.now(), newestAt + 1)).toISOString();
    const entry = { user, object: object.name, record: given.id as string, openedAt };
    await entries.findOneAndUpdate({ _id: `${user}:${object.name}:${entry.record}` }, { $set: entry }, { upsert: true });
    const beyond = await entries.find({ user }, { sort: { openedAt: -1, _id: 1 }, skip: RECENT_CAP, projection: { _id: 1 } });
    if (beyond.length > 0) await entries.deleteMany({ _id: { $in: beyond.map((doc) => doc._id) } });
  });
}

/**
 * The caller's recent records, newest first, as they may see them now: entries of objects they
 * may no longer read, of records deleted or out of their reach, are left out (not removed: a
 * restored record or a regained right brings them back). One query per object, with record access in it.
 */
export async function listRecentRecords(ctx: OperationContext): Promise<RecentRecord[]> {
  const entries = await ctx.tenant.store.collection<RecentRecordDoc>(RECENT_RECORDS).find({ user: ctx.principal.userId }, { sort: { openedAt: -1, _id: 1 }, limit: RECENT_CAP });
  const rights = userAccess(ctx.snapshot, ctx.principal);
  const names = new Map<string, string>();
  for (const objectName of new Set(entries.map((entry) => entry.object))) {
    const object = ctx.snapshot.object(objectName);
    if (!object || !(ctx.principal.system || rights.object(object.name).read)) continue;
    const name = nameField(object, fieldAccess(ctx, object).hidden);
    const ids = entries.filter((entry) => entry.object === objectName).map((entry) => entry.record);
    const access = await recordAccess(ctx, object, 'read');
    const records = await ctx.tenant.store.collection(object.collection).find(alive(withAccess({ _id: { $in: ids } }, access)), { projection: { _id: 1, ...(name ? { [name.name]: 1 } : {}) } });
    for (const record of records) {
      const value = name ? record[name.name] : undefined;
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      names.set(`${objectName}:${record._id}`, text.trim() === '' ? record._id : text);
    }
  }
  return entries.flatMap((entry) => {
    const name = names.get(`${entry.object}:${entry.record}`);
    if (name === undefined) return [];
    const object = ctx.snapshot.object(entry.object)!;
    return [{ object: entry.object, objectLabel: localize(object.object.label, ctx.language, object.name)!, id: entry.record, name, openedAt: entry.openedAt }];
  });
}
