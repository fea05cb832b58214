import type { OperationContext } from '../context/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { ResolvedGrouping } from '../metadata/reports/report-parts.js';
import { filterPaths, refuseWhileBackfilling, runningBackfill } from '../records/backfills/backfill-reads.js';
import type { Filter } from '../store/port.js';
import { sourceField } from './level-values.js';
import type { StoredMeasure } from './store-groups.js';

/**
 * A report that filters, groups or sums a stored value a backfill has not completed yet would be
 * wrong without saying so: it answers 409 with the progress, as a list's filter and a summary do.
 * Its own object's fields, and those of the children its measures roll up through.
 */
export async function refuseWhileRecomputing(ctx: OperationContext, object: CompiledObject, match: Filter, levels: readonly ResolvedGrouping[], measures: readonly StoredMeasure[]): Promise<void> {
  const own = measures.filter((stored) => !stored.measure.through && stored.stored).map((stored) => stored.stored!);
  refuseWhileBackfilling(await runningBackfill(ctx.tenant.store, object.name), [...filterPaths(match), ...levels.map((level) => sourceField(level.path)), ...own]);
  for (const stored of measures) {
    const link = stored.measure.through;
    if (link && stored.stored) refuseWhileBackfilling(await runningBackfill(ctx.tenant.store, link.object.name), [stored.stored, link.lookup]);
  }
}
