import { RuleViolationError } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';
import type { PackHook } from '../../../engine/packs/index.js';

/**
 * A product is made by one bill of materials at a time. A validation rule sees one record, and a
 * unique field cannot hold "the product, while active" (a formula is never unique), so the check
 * that no other active bill of materials names the product is this hook's: it runs in the unit of
 * work of the write that activates one (the approval's, an administrator's edit) and refuses it,
 * naming the one in the way, with nothing changed.
 */
export const oneActiveBomPerProduct: PackHook = {
  stage: 'beforeSave',
  name: 'one-active-bom-per-product',
  objects: ['bom'],
  async run(tx, event) {
    if (event.kind !== 'create' && event.kind !== 'update' && event.kind !== 'restore') return;
    const { record, before } = event;
    if (record.status !== 'active') return;
    if (event.kind === 'update' && before?.status === 'active' && before.product === record.product) return;
    const boms = tx.collection<StoredRecord>(event.object.collection);
    const other = await boms.findOne(alive({ product: record.product, status: 'active', _id: { $ne: record._id } }));
    if (!other) return;
    throw new RuleViolationError([
      { path: '/status', message: msg`${String(other.bom_number)} (${String(other.name)}) is the active bill of materials of this product: make it obsolete before activating another.` },
    ]);
  },
};
