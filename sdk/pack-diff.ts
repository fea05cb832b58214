import { definitionChanges, type PackPlan, type PlannedItem } from '../engine/packs/index.js';

/** A value as one line of a diff: JSON, long ones cut, an absent one named. */
function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

const MARKS: Record<PlannedItem['action'], string> = {
  create: '+ created     ',
  update: '~ updated     ',
  unchanged: '= unchanged   ',
  conflict: '! conflict    ',
  'kept-deleted': '  kept deleted',
  dropped: '- dropped     ',
};

/** What an item's line says besides its key, for the actions that need a word of why. */
const WHY: Partial<Record<PlannedItem['action'], string>> = {
  'kept-deleted': ' (the tenant deleted it and the pack did not change it: it stays deleted)',
  dropped: ' (the new version no longer ships it: the tenant keeps it, the pack stops tracking it)',
};

/**
 * The lines `npx crm pack diff` prints for a plan, item by item: what installing the folder would
 * create, update (each changed part with the tenant's value and the pack's), leave unchanged, and
 * where the tenant and the pack changed the same part differently (both sides and the base), then
 * the problems the install would meet, and the demo records it would create when asked for.
 * `differs` when the tenant's metadata would change or cannot yet (a conflict, a problem), or demo
 * records would be created: the exit code of git diff --exit-code.
 */
export function packDiff(plan: PackPlan): { lines: string[]; differs: boolean } {
  const lines = [`${plan.pack}: ${plan.from === null ? 'not installed' : `installed ${plan.from}`}, folder ${plan.to}`];
  for (const item of plan.items) {
    lines.push(`${MARKS[item.action]} ${item.kind}:${item.name}${WHY[item.action] ?? ''}`);
    if (item.action === 'update') {
      for (const change of definitionChanges(item.current, item.next)) lines.push(`      ${change.path}: tenant ${shown(change.before)} → pack ${shown(change.after)}`);
    }
    for (const conflict of item.conflicts ?? []) {
      lines.push(`      ${conflict.path || '(the whole definition)'}: tenant ${shown(conflict.ours)}, pack ${shown(conflict.theirs)}, installed version ${shown(conflict.base)}`);
    }
  }
  for (const problem of plan.problems ?? []) lines.push(`  problem: ${problem.path}: ${problem.message}`);
  const demoRecords = Object.values(plan.demoData ?? {}).reduce((count, records) => count + records, 0);
  for (const [object, count] of Object.entries(plan.demoData ?? {})) if (count > 0) lines.push(`+ demo data    ${object}: ${count} record(s)`);
  const differs = plan.changes > 0 || plan.conflicts > 0 || (plan.problems?.length ?? 0) > 0 || demoRecords > 0;
  const records = demoRecords > 0 ? `, ${demoRecords} demo record(s) would be created` : '';
  lines.push(differs ? `${plan.changes} definition(s) would change, ${plan.conflicts} conflict(s)${records}.` : 'Nothing would change.');
  return { lines, differs };
}
