import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';
import type { PackHook } from '../../../engine/packs/index.js';
import { queueOf } from '../../../engine/metadata/record-shape/queue-owner.js';

/**
 * A survey counts for the agent who owned the case and for its category as they were when it was
 * sent, so that the roll-ups per agent and category stay put when the case moves on; an answer is
 * stamped with its time.
 */
export const surveyOfCase: PackHook = {
  stage: 'beforeSave',
  name: 'case-survey-agent',
  objects: ['case_survey'],
  async run(tx, event) {
    if (event.kind !== 'create' && event.kind !== 'update') return;
    const changes: Record<string, unknown> = {};
    if (event.kind === 'create') {
      const caseObject = event.ctx.snapshot.object('case')!;
      const surveyed = await tx.collection<StoredRecord>(caseObject.collection).findOne({ _id: event.record.case as string });
      if (surveyed && !event.record.agent && queueOf(surveyed._owner) === null && surveyed._owner !== 'system') changes.agent = surveyed._owner;
      if (surveyed && !event.record.category) changes.category = surveyed.category;
    }
    if (event.record.status === 'answered' && event.before?.status !== 'answered' && !event.record.answered_at) changes.answered_at = new Date().toISOString();
    return Object.keys(changes).length > 0 ? { changes } : undefined;
  },
};
