import type { OperationContext } from '../../../engine/context/index.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/records/index.js';
import type { PackHook } from '../../../engine/packs/pack-code.js';
import type { Collections } from '../../../engine/store/port.js';

/**
 * Opportunities name the quota of their owner for the month they close in (`opportunity.quota`),
 * so the forecast-against-quota report sums each quota's won, committed and weighted amounts
 * through that lookup. Kept by two hooks: an opportunity's save finds its quota; a quota's save
 * (a new month's, a changed period or rep) moves the opportunities it now covers, or no longer does.
 */
export const quotaHooks: readonly PackHook[] = [
  {
    stage: 'beforeSave',
    name: 'opportunity-quota',
    objects: ['opportunity'],
    async run(tx, event) {
      if (event.kind !== 'create' && event.kind !== 'update') return undefined;
      const quota = await quotaOf(tx, event.ctx, event.record);
      if (quota === (event.record.quota ?? null)) return undefined;
      return { changes: { quota } };
    },
  },
  {
    stage: 'afterSave',
    name: 'quota-opportunities',
    objects: ['quota'],
    async run(tx, { ctx, after, kind }) {
      const opportunities = ctx.snapshot.object('opportunity');
      if (!opportunities) return;
      const records = tx.collection<StoredRecord>(opportunities.collection);
      const covered = kind === 'delete' ? [] : await records.find(alive(coveredBy(after)));
      const linked = await records.find(alive({ quota: after._id }));
      const moving = new Map([...linked, ...covered].map((record) => [record._id, record]));
      for (const record of moving.values()) {
        const quota = await quotaOf(tx, ctx, record);
        if (quota === (record.quota ?? null)) continue;
        // The link is derived, as a roll-up's value is: set in the quota's unit of work, the
        // opportunity's version moved so that an edit made on the old link is refused (412).
        await records.updateOne(
          { _id: record._id, _version: record._version },
          { $set: { quota, _updatedAt: new Date().toISOString() }, $inc: { _version: 1 } },
        );
      }
    },
  },
];

/** The store filter of the opportunities a quota covers: its rep's, closing within its period. */
function coveredBy(quota: StoredRecord): Record<string, unknown> {
  return { _owner: quota.rep, close_date: { $gte: quota.period_start, $lte: quota.period_end } };
}

/** The id of the quota of the opportunity's owner whose period holds its close date, or null. */
async function quotaOf(tx: Collections, ctx: OperationContext, opportunity: StoredRecord): Promise<string | null> {
  const quotas = ctx.snapshot.object('quota');
  if (!quotas || typeof opportunity.close_date !== 'string') return null;
  const found = await tx
    .collection<StoredRecord>(quotas.collection)
    .findOne(alive({ rep: opportunity._owner, period_start: { $lte: opportunity.close_date }, period_end: { $gte: opportunity.close_date } }), { projection: { _id: 1 } });
  return found?._id ?? null;
}
