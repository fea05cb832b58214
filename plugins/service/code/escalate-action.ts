import type { PackAction } from '../../../engine/actions/index.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';
import type { Collections } from '../../../engine/store/port.js';
import type { OperationContext } from '../../../engine/context/index.js';
import { slaTargetFor } from './sla-target-kind.js';

/**
 * Escalates a case that breached its SLA: marked breached, one level up, and given to someone who
 * can act (the owner's manager, else the first active user of the target's escalation role), whom
 * the rule's e-mail then tells. The case keeps its owner: the escalation asks for help, it does
 * not take the case away.
 */
export const escalateAction: PackAction = {
  label: { en: 'Escalate the case', 'zh-CN': '升级工单' },
  params: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx, { tx, record }) {
    const target = slaTargetFor(ctx.snapshot, 'case', record.priority);
    const escalatedTo = await escalationUser(ctx, tx, record._owner, target?.escalateTo ?? 'service_manager');
    return {
      set: {
        escalated: true,
        escalation_level: Number(record.escalation_level ?? 0) + 1,
        sla_status: 'breached',
        ...(record.status === 'new' || record.status === 'working' ? { status: 'escalated' } : {}),
        ...(escalatedTo ? { escalated_to: escalatedTo } : {}),
      },
    };
  },
};

async function escalationUser(ctx: OperationContext, tx: Collections, owner: string, role: string): Promise<string | undefined> {
  const users = tx.collection<StoredRecord>(ctx.snapshot.object('user')!.collection);
  const ownerUser = await users.findOne(alive({ _id: owner }));
  if (typeof ownerUser?.manager === 'string') {
    const manager = await users.findOne(alive({ _id: ownerUser.manager }));
    if (manager && manager.active !== false) return manager._id;
  }
  const [first] = await users.find(alive({ role, active: { $ne: false } }), { sort: { _id: 1 }, limit: 1 });
  return first?._id;
}
