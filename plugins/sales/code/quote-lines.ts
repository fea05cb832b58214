import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/records/index.js';
import type { PackHook } from '../../../engine/packs/pack-code.js';

/** Fields an opportunity line and a quote line share: the quote prints what was offered. */
const COPIED = ['product', 'quantity', 'unit_price', 'discount'] as const;

/**
 * A quote made for an opportunity (its Create quote button, or a user naming the opportunity)
 * starts with the opportunity's lines, copied in the quote's own unit of work; later changes of
 * either side's lines stay their own, as a quote sent is a document of its day.
 */
export const quoteHooks: readonly PackHook[] = [
  {
    stage: 'beforeSave',
    name: 'quote-lines-from-opportunity',
    objects: ['quote'],
    async run(tx, { kind, ctx, record }) {
      const lines = ctx.snapshot.object('opportunity_line');
      if (kind !== 'create' || typeof record.opportunity !== 'string' || !lines || !ctx.snapshot.object('quote_line')) return undefined;
      const found = await tx.collection<StoredRecord>(lines.collection).find(alive({ opportunity: record.opportunity }), { sort: { _createdAt: 1, _id: 1 } });
      if (found.length === 0) return undefined;
      const followUps = found.map((line) => ({
        object: 'quote_line',
        values: { quote: record._id, ...Object.fromEntries(COPIED.filter((name) => line[name] !== undefined && line[name] !== null).map((name) => [name, line[name]])) },
      }));
      return { followUps };
    },
  },
];
