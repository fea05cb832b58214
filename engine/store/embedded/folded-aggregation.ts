import { Aggregator } from 'mingo';
import type { Doc, Pipeline } from '../port.js';
import { isPlainObject } from '../plain-object.js';
import { compileGroupFold, type GroupFold } from './compiled-group.js';

/**
 * Runs a pipeline that begins by grouping (a `$group`, or a `$facet` whose every branch begins
 * with one: a summary's groups and its total) by folding the documents into their groups as they
 * stream by, so nothing holds the matched documents; mingo runs the stages after the groups.
 * Undefined when a group is not one compileGroupFold compiles, or a document holds a value its
 * plain loop gives up on: the caller then reads the matches again and gives them to mingo.
 */
export function foldGroupedPipeline(stages: Pipeline, docs: Iterable<Doc>): unknown[] | undefined {
  const [first, ...rest] = stages;
  if (!first || Object.keys(first).length !== 1) return undefined;
  if (isPlainObject(first.$group)) {
    const start = compileGroupFold(first.$group);
    if (!start) return undefined;
    const rows = feed(docs, [start()]);
    return rows && new Aggregator(rest, {}).run(rows[0]!);
  }
  if (!isPlainObject(first.$facet)) return undefined;
  const branches: [name: string, after: Pipeline, fold: GroupFold][] = [];
  for (const [name, branch] of Object.entries(first.$facet)) {
    if (!Array.isArray(branch)) return undefined;
    const [head, ...after] = branch as Pipeline;
    const start = head && Object.keys(head).length === 1 && isPlainObject(head.$group) ? compileGroupFold(head.$group) : undefined;
    if (!start) return undefined;
    branches.push([name, after, start()]);
  }
  const rows = feed(docs, branches.map(([, , fold]) => fold));
  if (!rows) return undefined;
  const faceted = Object.fromEntries(branches.map(([name, after], i) => [name, new Aggregator(after, {}).run(rows[i]!)]));
  return new Aggregator(rest, {}).run([faceted]);
}

/** Every document into every fold, in order; each fold's rows, or undefined as soon as one gives up. */
function feed(docs: Iterable<Doc>, folds: readonly GroupFold[]): Doc[][] | undefined {
  for (const doc of docs) for (const fold of folds) if (!fold.add(doc)) return undefined;
  return folds.map((fold) => fold.rows());
}
