import { EngineError, type ErrorDetail } from '../../errors/index.js';
import type { ResolvedRollupField } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import type { Snapshot } from '../snapshot.js';
import type { Filter } from '../../store/port.js';
import { compileCriteria } from './filter-language.js';
import { msg } from '../../i18n/message.js';
import { log } from '../../observability/index.js';

const EVERY_DETAIL = msg`to summarize every detail, leave the filter out`;
/** A filter no record passes: a roll-up whose criteria cannot be trusted counts nothing. */
export const NO_RECORD: Filter = Object.freeze({ _id: Object.freeze({ $in: Object.freeze([]) }) });

/**
 * The problems of every roll-up filter of `object` against its detail object, at the filter's path
 * in the object's definition: what a save refuses (400) and what loading stored metadata logs.
 */
export function rollupFilterProblems(object: CompiledObject, objects: ReadonlyMap<string, CompiledObject>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  object.object.fields.forEach((field, i) => {
    const child = field.type === 'rollup' && field.filter !== undefined ? objects.get(field.child) : undefined;
    if (!child || field.type !== 'rollup') return;
    try {
      compileCriteria(child, field.filter, `/fields/${i}/filter`, EVERY_DETAIL);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push(...error.details);
    }
  });
  return problems;
}

/**
 * The details a roll-up counts, as a store filter: null without a filter (all of them). Stored
 * metadata saved before filters were checked may hold an empty or broken one: it counts no
 * detail rather than every detail, and the problem is logged once per snapshot.
 */
export function rollupCriteria(snapshot: Snapshot, master: CompiledObject, field: ResolvedRollupField, child: CompiledObject): Filter | null {
  if (field.filter === undefined) return null;
  return snapshot.memo(`rollup-criteria:${master.name}.${field.name}`, () => {
    try {
      return compileCriteria(child, field.filter, '/filter', EVERY_DETAIL);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      log.error(`metadata: the filter of roll-up ${master.name}.${field.name} is invalid, so it counts no ${child.name}: ${JSON.stringify(error.details)}`);
      return NO_RECORD;
    }
  });
}
