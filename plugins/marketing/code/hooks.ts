import { ValidationError } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { PackHook } from '../../../engine/packs/index.js';
import { checkCriteria, refreshSegment } from './segment-refresh.js';

/** A changed value of a field between the record before a write and after it (JSON criteria compare by content). */
function changed(before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>>, field: string): boolean {
  return before === null || JSON.stringify(before[field]) !== JSON.stringify(after[field]);
}

/** The fields whose change makes a segment's members out of date. */
const SEGMENT_INPUTS = ['target', 'criteria', 'refreshed_at'];

/** A segment's criteria are checked as the writer's list filter would be; a new segment counts as refreshed now. */
const checkSegment: PackHook = {
  stage: 'beforeSave',
  name: 'segment-criteria',
  objects: ['segment'],
  async run(_tx, { kind, ctx, before, record }) {
    if (kind !== 'create' && kind !== 'update') return;
    if (changed(before, record, 'target') || changed(before, record, 'criteria')) await checkCriteria(ctx, record.target, record.criteria);
    if (kind === 'create' && !record.refreshed_at) return { changes: { refreshed_at: new Date().toISOString() } };
  },
};

/** Once a segment's criteria or its refresh time are stored, its members follow (the button and the nightly rule set the time). */
const refreshChangedSegment: PackHook = {
  stage: 'afterCommit',
  name: 'segment-refresh',
  objects: ['segment'],
  async run({ kind, ctx, before, after }) {
    if (kind !== 'create' && kind !== 'update') return;
    if (SEGMENT_INPUTS.some((field) => changed(before, after, field))) await refreshSegment(ctx, after._id);
  },
};

/** A lead or contact is on a campaign once. */
const oneMembershipPerCampaign: PackHook = {
  stage: 'beforeSave',
  name: 'campaign-member-once',
  objects: ['campaign_member'],
  async run(tx, { kind, record }) {
    if (kind !== 'create' && kind !== 'update') return;
    const field = record.lead ? 'lead' : 'contact';
    if (!record[field] || !record.campaign) return;
    const twin = await tx.collection('records.campaign_member').findOne(alive({ campaign: record.campaign, [field]: record[field], _id: { $ne: record._id } }));
    if (twin) throw new ValidationError([{ path: `/${field}`, message: msg`is already a member of this campaign (${String(twin.name)})` }]);
  },
};

export const marketingHooks: readonly PackHook[] = [checkSegment, refreshChangedSegment, oneMembershipPerCampaign];
