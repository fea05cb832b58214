import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';
import type { PackHook } from '../../../engine/packs/index.js';

/**
 * A contract's `covered_assets` counts the installed assets in use that name it. Roll-ups
 * summarize the details of a master-detail, and an asset is no detail of its contract (it is
 * installed before a contract covers it, and outlives one), so the count is kept by this hook:
 * every write of an asset recounts the contract it left and the one it names, in its unit of work.
 */
export const coveredAssets: PackHook = {
  stage: 'afterSave',
  name: 'contract-covered-assets',
  objects: ['installed_asset'],
  async run(tx, { ctx, before, after }) {
    const contracts = ctx.snapshot.object('maintenance_contract');
    const assets = ctx.snapshot.object('installed_asset');
    if (!contracts || !assets) return;
    const touched = new Set([before?.contract, after.contract].filter((id): id is string => typeof id === 'string'));
    for (const contract of touched) {
      const count = await tx.collection<StoredRecord>(assets.collection).count(alive({ contract, status: { $ne: 'decommissioned' } }));
      const stored = await tx.collection<StoredRecord>(contracts.collection).findOne({ _id: contract });
      if (!stored || stored.covered_assets === count) continue;
      // Derived as a roll-up's value is: set in the asset's unit of work, the contract's version
      // moved so that an edit made on the old count is refused (412) rather than writing it back.
      await tx.collection<StoredRecord>(contracts.collection).updateOne(
        { _id: contract, _version: stored._version },
        { $set: { covered_assets: count, _updatedAt: new Date().toISOString() }, $inc: { _version: 1 } },
      );
    }
  },
};
