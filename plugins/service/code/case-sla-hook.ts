import type { PackHook } from '../../../engine/packs/index.js';
import { slaChanges } from './sla-clock.js';
import { slaTargetFor } from './sla-target-kind.js';

/** Keeps a case's SLA clock with each write: due times from its priority's target, pauses, first response, resolution. */
export const caseSlaHook: PackHook = {
  stage: 'beforeSave',
  name: 'case-sla-clock',
  objects: ['case'],
  async run(_tx, event) {
    if (event.kind !== 'create' && event.kind !== 'update') return;
    const target = slaTargetFor(event.ctx.snapshot, event.object.name, event.record.priority);
    const changes = slaChanges(event.before, event.record, target, Date.now());
    return Object.keys(changes).length > 0 ? { changes } : undefined;
  },
};
