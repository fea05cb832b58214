import { ValidationError } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';
import type { PackHook } from '../../../engine/packs/index.js';

/**
 * Handing a case over is an edit of the case: its "Hand over to" and reason, which whoever may edit
 * it fills in. The same write gives the case to that user (as the engine's assignment gives a new
 * record its owner) and writes the hand-over record (who, from whom, to whom, why, when), so the
 * case's related list is its history of hand-overs; the two fields are left empty for the next one.
 */
export const caseHandoverHook: PackHook = {
  stage: 'beforeSave',
  name: 'case-handover',
  objects: ['case'],
  async run(tx, { kind, ctx, record }) {
    if (kind !== 'update' || typeof record.handover_to !== 'string') return undefined;
    const to = record.handover_to;
    const reason = typeof record.handover_reason === 'string' ? record.handover_reason.trim() : '';
    if (!reason) throw new ValidationError([{ path: '/handover_reason', message: msg`say why the case is handed over` }]);
    if (to === record._owner) throw new ValidationError([{ path: '/handover_to', message: msg`already owns the case` }]);
    const user = await tx.collection<StoredRecord>(ctx.snapshot.object('user')!.collection).findOne(alive({ _id: to }));
    if (!user || user.active === false) throw new ValidationError([{ path: '/handover_to', message: msg`the case can only be handed to an active user` }]);
    const { handover_to: _to, handover_reason: _reason, ...rest } = record;
    return {
      record: { ...rest, _owner: to } as StoredRecord,
      followUps: [
        {
          object: 'case_handover',
          values: { case: record._id, from_owner: record._owner, to_owner: to, reason, handed_over_by: ctx.principal.userId === 'system' ? null : ctx.principal.userId, handed_over_at: new Date().toISOString() },
        },
      ],
    };
  },
};
