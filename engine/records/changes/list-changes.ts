import type { OperationContext } from '../../context/index.js';
import { EngineError, ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { parseLimit } from '../../metadata/query/list-query.js';
import { recordAccess, userAccess, withAccess } from '../../security/access/index.js';
import { CHANGE_SEQUENCE, FEED_COUNTER, positionId, RECORD_CHANGES, type ChangeCounterDoc, type RecordChangeDoc } from './record-changes.js';

export const DEFAULT_CHANGES_LIMIT = 100;
export const MAX_CHANGES_LIMIT = 1000;
/** Entries read from the feed per round while looking for ones the reader may see. */
const SCAN_BATCH = 500;
/** At most this many entries are read for one page, whatever the reader may see of them: the cursor moves past them. */
const MAX_SCANNED = 5000;

export interface RecordChange {
  /** Pass it as `since` to get the changes after this one. */
  cursor: string;
  object: string;
  id: string;
  change: RecordChangeDoc['change'];
  version: number;
  at: string;
}

export interface ChangePage {
  changes: RecordChange[];
  /** Where the next call starts (`since`): past every entry read, those the reader may not see included. */
  next: string;
  /** False when the feed had nothing more when this page was read: poll again later from `next`. */
  more: boolean;
}

/**
 * The record changes after `since` (a cursor, or '0' for the beginning), in the order they
 * committed, that the reader may see: changes of objects they may read, of records they may read
 * now (a deleted record as it lies in the recycle bin; one purged from it no longer counts). Read
 * from `next` on, a client sees every change once, across restarts, since the feed is stored.
 */
export async function listChanges(ctx: OperationContext, since: string | undefined, limitText: string | undefined): Promise<ChangePage> {
  const limit = parseLimit(limitText, MAX_CHANGES_LIMIT, DEFAULT_CHANGES_LIMIT);
  const counter = await feedCounter(ctx);
  // `now`: where the feed stands, to go on from after reading the records afresh.
  if (since === 'now') return { changes: [], next: String(counter?.seq ?? 0), more: false };
  const after = parseCursor(since);
  checkKept(after, counter);
  const feed = ctx.tenant.store.collection<RecordChangeDoc>(RECORD_CHANGES);
  const changes: RecordChange[] = [];
  let position = after;
  let scanned = 0;
  let exhausted = false;
  while (changes.length < limit && scanned < MAX_SCANNED) {
    const batch = await feed.find({ _id: { $gt: positionId(position) } }, { sort: { _id: 1 }, limit: Math.min(SCAN_BATCH, MAX_SCANNED - scanned) });
    if (batch.length === 0) {
      exhausted = true;
      break;
    }
    const visible = await visibleRecords(ctx, batch);
    for (const entry of batch) {
      position = entry.seq;
      scanned++;
      if (visible.has(`${entry.object}/${entry.record}`)) changes.push(presentChange(entry));
      if (changes.length === limit) break;
    }
  }
  const more = !exhausted && (await feed.findOne({ _id: { $gt: positionId(position) } }, { projection: { _id: 1 } })) !== null;
  // A purge that ran meanwhile may have taken entries this page should have held: said, not skipped.
  checkKept(after, await feedCounter(ctx));
  return { changes, next: String(position), more };
}

function feedCounter(ctx: OperationContext): Promise<ChangeCounterDoc | null> {
  return ctx.tenant.store.collection<ChangeCounterDoc>(CHANGE_SEQUENCE).findOne({ _id: FEED_COUNTER });
}

/** Refuses a cursor from before what the retention removed. */
function checkKept(after: number, counter: ChangeCounterDoc | null): void {
  if (counter?.purgedThrough !== undefined && after < counter.purgedThrough) throw new CursorExpiredError(after, counter.purgedThrough);
}

/** The records of a batch the reader may read, as `object/id`: one query per object, with the read access in it. */
async function visibleRecords(ctx: OperationContext, batch: readonly RecordChangeDoc[]): Promise<Set<string>> {
  const byObject = new Map<string, Set<string>>();
  for (const entry of batch) {
    let ids = byObject.get(entry.object);
    if (!ids) byObject.set(entry.object, (ids = new Set()));
    ids.add(entry.record);
  }
  const visible = new Set<string>();
  const rights = userAccess(ctx.snapshot, ctx.principal);
  for (const [name, ids] of byObject) {
    const object = ctx.snapshot.object(name);
    // An object since deleted, or one the reader may not read: none of its changes.
    if (!object || !(ctx.principal.system || rights.object(name).read)) continue;
    const access = await recordAccess(ctx, object, 'read');
    // Not `alive`: a deleted record in the recycle bin is still judged by its sharing.
    const found = await ctx.tenant.store.collection(object.collection).find(withAccess({ _id: { $in: [...ids] } }, access), { projection: { _id: 1 } });
    for (const record of found) visible.add(`${name}/${record._id}`);
  }
  return visible;
}

function presentChange(entry: RecordChangeDoc): RecordChange {
  return { cursor: String(entry.seq), object: entry.object, id: entry.record, change: entry.change, version: entry.version, at: entry.at };
}

function parseCursor(since: string | undefined): number {
  if (since === undefined || since === '') return 0;
  if (!/^\d{1,15}$/.test(since)) throw new ValidationError([{ path: '/since', message: msg`must be a cursor from an earlier answer (its next or a change's cursor), 0 for the beginning, or now` }]);
  return Number(since);
}

/** 410: the changes after the cursor were removed by the feed's retention; reading on would miss them. */
export class CursorExpiredError extends EngineError {
  constructor(since: number, purgedThrough: number) {
    super(
      'cursor_expired',
      410,
      msg`The changes after cursor ${since} are no longer kept (the feed keeps CHANGE_FEED_DAYS days; it starts after ${purgedThrough} now): ask for since=now, read the records afresh, then go on from that cursor.`,
      { details: [{ path: '/since', message: msg`is older than the oldest change kept` }] },
    );
  }
}
