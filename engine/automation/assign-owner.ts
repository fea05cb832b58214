import type { OperationContext } from '../context/index.js';
import type { CompiledAssignmentRule } from '../metadata/assignment-rules/compile-assignment-rule.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { queueOwner } from '../metadata/record-shape/queue-owner.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { evaluateOnRecord } from '../records/logic/evaluate-on-record.js';
import type { Assignee } from '../schemas/generated/assignment-rule.js';
import { groupMembers, userDirectory } from '../security/access/index.js';
import type { Collections, Doc } from '../store/port.js';

/** Whose turn it is in each group's round robin: kept in the store, so turns go on across restarts and instances. */
export const ASSIGNMENT_TURNS = 'assignment_turns';

interface TurnDoc extends Doc {
  /** How many records the group's round robin has handed out. */
  turns: number;
}

/**
 * The owner the object's active assignment rules give a record: the first entry (rules by order,
 * then name; entries in order) whose condition the record matches and whose assignee can take it
 * (a user still active, a group with an active member). Null when none does: the record keeps
 * the owner it has.
 */
export async function assignedOwner(tx: Collections, ctx: OperationContext, object: CompiledObject, record: StoredRecord): Promise<string | null> {
  for (const rule of ctx.snapshot.assignmentRulesFor(object.name)) {
    if (!rule.active) continue;
    for (const entry of rule.entries) {
      if (entry.condition && (await evaluateOnRecord(tx, ctx, object, entry.condition, record)) !== true) continue;
      const owner = await ownerFor(tx, ctx, rule, entry.assignTo);
      if (owner !== null) return owner;
    }
  }
  return null;
}

async function ownerFor(tx: Collections, ctx: OperationContext, _rule: CompiledAssignmentRule, assignee: Assignee): Promise<string | null> {
  if ('queue' in assignee) return queueOwner(assignee.queue);
  if ('user' in assignee) return (await activeUsers(tx, ctx, [assignee.user]))[0] ?? null;
  const members = await activeMembers(tx, ctx, assignee.roundRobin);
  if (members.length === 0) return null;
  // One counter per group, moved in the write's unit of work: two creates at once take two turns.
  const counter = await tx.collection<TurnDoc>(ASSIGNMENT_TURNS).findOneAndUpdate({ _id: `group:${assignee.roundRobin}` }, { $inc: { turns: 1 } }, { upsert: true });
  return members[((counter?.turns ?? 1) - 1) % members.length]!;
}

/** A group's active members, in a stable order: the users it names and the users of its roles. */
async function activeMembers(tx: Collections, ctx: OperationContext, name: string): Promise<string[]> {
  return activeUsers(tx, ctx, groupMembers(ctx.snapshot.security.groups.get(name), await userDirectory(ctx.tenant)));
}

async function activeUsers(tx: Collections, ctx: OperationContext, ids: readonly string[]): Promise<string[]> {
  const users = ctx.snapshot.object('user')!;
  const found = await tx.collection<StoredRecord>(users.collection).find(alive({ _id: { $in: [...new Set(ids)] } }), { projection: { active: 1 } });
  return found.filter((user) => user.active !== false).map((user) => user._id).sort();
}
