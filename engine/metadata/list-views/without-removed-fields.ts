import { isKnownName } from '../query/list-query.js';
import type { CompiledObject } from '../compiled-object.js';
import type { ListViewDefinition } from '../../schemas/generated/list-view.js';

const NONE: ReadonlySet<string> = new Set();

/**
 * A personal view without what names a field its object no longer has (an admin removed it after
 * the view was saved): such columns, sort keys, filter conditions and kanban field are dropped and
 * the rest of the view is kept. Shared views never need this: removing a field one of them uses is
 * refused. With no column left, the view shows the object's first field.
 */
export function withoutRemovedFields(definition: ListViewDefinition, object: CompiledObject): ListViewDefinition {
  const known = (name: string) => isKnownName(object, name, NONE);
  const kept = definition.columns.filter(known);
  const [head, ...tail] = kept.length > 0 ? kept : [object.object.fields[0]?.name ?? definition.columns[0]];
  // A subset of a valid sort is one (at most as many keys).
  const sort = definition.sort?.filter((key) => known(key.replace(/^[-+]/, ''))) as ListViewDefinition['sort'];
  const filter = definition.filter === undefined ? undefined : prunedFilter(definition.filter, known);
  const { filter: _filter, sort: _sort, kanbanField, ...rest } = definition;
  return {
    ...rest,
    columns: [head!, ...tail],
    ...(filter === undefined ? {} : { filter }),
    ...(sort === undefined || sort.length === 0 ? {} : { sort }),
    ...(kanbanField === undefined || !known(kanbanField) ? {} : { kanbanField }),
  };
}

/** The filter without the conditions on unknown names; undefined when nothing of it is left. */
function prunedFilter(filter: unknown, known: (name: string) => boolean): Record<string, unknown> | undefined {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and' || key === 'or') {
      const parts = Array.isArray(value) ? value.map((part) => prunedFilter(part, known)).filter((part) => part !== undefined) : [];
      if (parts.length > 0) kept[key] = parts;
    } else if (known(key)) {
      kept[key] = value;
    }
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}
