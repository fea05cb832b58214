import type { OperationContext } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import type { RecordEventName } from '../metadata/webhooks/compile-webhook.js';
import { engineWriteHooks } from '../records/write-pipeline/index.js';
import type { WriteKind } from '../records/write-pipeline/write-stages.js';
import { sameDocument } from '../store/json-document.js';
import type { Collections } from '../store/port.js';
import { queueDeliveries } from './queue-deliveries.js';

/** The event a write is to webhooks; a restore from the recycle bin is none of theirs. */
const EVENT_OF: Record<WriteKind, RecordEventName | null> = { create: 'record.created', update: 'record.updated', delete: 'record.deleted', restore: null };

/**
 * Makes every record write queue the deliveries of the webhooks listening to it, after it is
 * stored and inside its unit of work (an after-save hook): a write that rolls back sends nothing.
 * Safe to call more than once.
 */
export function installWebhookEvents(): void {
  engineWriteHooks.on('afterSave', 'webhooks', (tx, { kind, ctx, object, before, after }) => queueRecordEvent(tx, ctx, object, kind, before, after));
}

async function queueRecordEvent(tx: Collections, ctx: OperationContext, object: CompiledObject, kind: WriteKind, before: StoredRecord | null, after: StoredRecord): Promise<void> {
  const type = EVENT_OF[kind];
  if (type === null || ctx.snapshot.webhooks.size === 0) return;
  if (type !== 'record.updated') {
    await queueDeliveries(tx, ctx, { type, object, record: after });
    return;
  }
  // A write that moved only the platform's marks (an approval's state, a lock) changed no value.
  const changed = [...object.object.fieldsByName.keys()].filter((field) => !sameDocument(before?.[field] ?? null, after[field] ?? null));
  if (changed.length > 0) await queueDeliveries(tx, ctx, { type, object, record: after, changed });
}
