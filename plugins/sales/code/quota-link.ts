import { operationContext, SYSTEM_PRINCIPAL, type OperationContext } from '../../../engine/context/index.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import { applyRecordChange } from '../../../engine/records/apply-record-change.js';
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
      const covered = kind === 'delete' ? [] : await tx.collection<StoredRecord>(opportunities.collection).find(alive(coveredBy(after)));
      const linked = await tx.collection<StoredRecord>(opportunities.collection).find(alive({ quota: after._id }));
      const engine = { ...operationContext(ctx.tenant, SYSTEM_PRINCIPAL, 'plugin', ctx.language), snapshot: ctx.snapshot };
      const moving = new Map([...linked, ...covered].map((record) => [record._id, record]));
      for (const record of moving.values()) {
        const quota = await quotaOf(tx, ctx, record);
        if (quota === (record.quota ?? null)) continue;
        const change = quota === null ? { values: {}, cleared: ['quota'] } : { values: { quota }, cleared: [] };
        await applyRecordChange(tx, engine, opportunities, record, change, { madeBy: 'process' });
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
