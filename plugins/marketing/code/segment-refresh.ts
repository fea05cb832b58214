import { operationContext, SYSTEM_PRINCIPAL, type OperationContext } from '../../../engine/context/index.js';
import { isEngineError, ValidationError } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import { createRecord, deleteRecord } from '../../../engine/records/index.js';
import { listQuery } from '../../../engine/records/list-records.js';

/** The objects a segment's members may be, each the lookup field of a segment member that names one. */
const TARGETS = ['lead', 'contact'] as const;
type Target = (typeof TARGETS)[number];

function isTarget(value: unknown): value is Target {
  return (TARGETS as readonly unknown[]).includes(value);
}

/** What a refresh changed. */
export interface SegmentRefresh {
  added: number;
  removed: number;
}

/**
 * Checks a segment's criteria as a list view's filter is checked, as the user who writes them (a
 * field they may not read cannot select members): the problems at /criteria, in their language.
 */
export async function checkCriteria(ctx: OperationContext, target: unknown, criteria: unknown): Promise<void> {
  if (!isTarget(target)) return;
  if (criteria === null || typeof criteria !== 'object' || Array.isArray(criteria)) {
    throw new ValidationError([{ path: '/criteria', message: msg`must be a filter in the language of list views, as the help text shows` }]);
  }
  try {
    await listQuery(ctx, target, { filter: criteria });
  } catch (error) {
    if (!isEngineError(error) || error.status !== 400) throw error;
    const details = error.details?.length ? error.details : [{ path: '', message: error.message }];
    throw new ValidationError(details.map((detail) => ({ ...detail, path: `/criteria${detail.path.replace(/^\/filter/, '')}` })));
  }
}

/**
 * Makes a segment's members the leads or contacts its criteria match now: a member for each new
 * match, and the members that stopped matching removed. It runs as the engine, through the record
 * write path, so the segment's member count (a roll-up), history and audit follow; the segment's
 * criteria were checked against the rights of whoever wrote them.
 */
export async function refreshSegment(ctx: OperationContext, segmentId: string): Promise<SegmentRefresh> {
  const engine = operationContext(ctx.tenant, SYSTEM_PRINCIPAL, 'plugin', ctx.language);
  const store = ctx.tenant.store;
  const segment = await store.collection('records.segment').findOne(alive({ _id: segmentId }));
  if (!segment || !isTarget(segment.target) || segment.criteria === null || typeof segment.criteria !== 'object') return { added: 0, removed: 0 };
  const target = segment.target;
  const query = await listQuery(engine, target, { filter: segment.criteria });
  const matching = new Set((await store.collection(query.object.collection).find(query.filter, { projection: { _id: 1 } })).map((record) => record._id as string));
  const members = await store.collection('records.segment_member').find(alive({ segment: segmentId }), { projection: { _id: 1, lead: 1, contact: 1 } });
  const current = new Map(members.map((member) => [member[target] as string | undefined, member._id as string]));
  let removed = 0;
  for (const [recordId, memberId] of current) {
    if (recordId !== undefined && matching.has(recordId)) continue;
    await deleteRecord(engine, 'segment_member', memberId);
    removed++;
  }
  let added = 0;
  for (const recordId of matching) {
    if (current.has(recordId)) continue;
    await createRecord(engine, 'segment_member', { segment: segmentId, [target]: recordId });
    added++;
  }
  return { added, removed };
}
