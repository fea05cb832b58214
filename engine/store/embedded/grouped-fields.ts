import type { Doc, Pipeline } from '../port.js';
import { isPlainObject } from '../plain-object.js';

/**
 * The top-level fields a pipeline reads when it begins by grouping: a `$group`, or a `$facet`
 * whose every branch begins with one (a summary's groups and its total in one pass). After a
 * `$group` only its output exists, so these fields are all the pipeline ever reads of a document.
 * Undefined when the pipeline starts otherwise or reads a whole document (`$$ROOT`, `$$CURRENT`):
 * it then gets the documents whole. Reading a field too many is harmless; missing one is not, so
 * every string that looks like a field path counts, even inside `$literal`.
 */
export function groupedFields(stages: Pipeline): ReadonlySet<string> | undefined {
  const [first] = stages;
  if (!first || Object.keys(first).length !== 1) return undefined;
  const fields = new Set<string>();
  if ('$group' in first) return collect(first.$group, fields) ? fields : undefined;
  const facet = first.$facet;
  if (!isPlainObject(facet)) return undefined;
  for (const branch of Object.values(facet)) {
    const [head] = Array.isArray(branch) ? (branch as unknown[]) : [];
    if (!isPlainObject(head) || Object.keys(head).length !== 1 || !('$group' in head) || !collect(head.$group, fields)) return undefined;
  }
  return fields;
}

/** A copy of the document with only these fields: a field the document lacks stays missing, not null. */
export function keepFields(doc: Doc, fields: ReadonlySet<string>): Doc {
  const kept: Record<string, unknown> = {};
  for (const field of fields) if (Object.prototype.hasOwnProperty.call(doc, field)) kept[field] = doc[field];
  return kept as Doc;
}

/** Adds the fields the expression reads; false when it reads the whole document. */
function collect(expression: unknown, fields: Set<string>): boolean {
  if (typeof expression === 'string') {
    if (expression.startsWith('$$')) return !/^\$\$(ROOT|CURRENT)\b/.test(expression);
    if (expression.startsWith('$')) fields.add(expression.slice(1).split('.')[0]!);
    return true;
  }
  if (Array.isArray(expression)) return expression.every((item) => collect(item, fields));
  if (isPlainObject(expression)) return Object.values(expression).every((value) => collect(value, fields));
  return true;
}
