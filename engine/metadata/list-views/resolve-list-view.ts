import { EngineError, type ErrorDetail } from '../../errors/index.js';
import type { Labels } from '../../fields/index.js';
import { compileFilter } from '../query/filter-language.js';
import { parseSort } from '../query/list-query.js';
import type { CompiledObject } from '../compiled-object.js';
import { resolveLabels } from '../labels.js';
import type { ListViewDefinition } from '../../schemas/generated/list-view.js';
import { msg } from '../../i18n/message.js';

/** A list view as the engine runs it: every name it uses checked against its object. */
export interface ResolvedListView {
  readonly definition: ListViewDefinition;
  readonly name: string;
  readonly object: string;
  readonly label: Labels;
  /** Empty: every user who may read the object sees the view. */
  readonly permissionSets: readonly string[];
}

/**
 * Checks a list view (already valid against its schema) against its object as the list API would
 * take it: columns are fields of the object, the filter compiles with the object's filter compiler
 * (unknown fields, operators the field's type does not allow and wrong operands are refused with
 * their paths under /filter), the sort is one the list accepts, and the kanban field is a picklist.
 * `objects` may be one user's view of the metadata: then the fields hidden from them are unknown.
 */
export function resolveListView(definition: ListViewDefinition, objects: ReadonlyMap<string, CompiledObject>): { view?: ResolvedListView; problems: ErrorDetail[] } {
  const object = objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };
  const problems: ErrorDetail[] = [];
  definition.columns.forEach((name, index) => {
    if (!object.field(name)) problems.push({ path: `/columns/${index}`, message: msg`'${name}' is not a field of ${object.name}` });
  });
  const collect = (check: () => unknown) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push(...error.details);
    }
  };
  if (definition.filter !== undefined) collect(() => compileFilter(object, definition.filter));
  if (definition.sort !== undefined && definition.sort.length > 0) collect(() => parseSort(object, definition.sort!.join(',')));
  if (definition.kanbanField !== undefined) {
    const field = object.field(definition.kanbanField);
    if (!field) problems.push({ path: '/kanbanField', message: msg`'${definition.kanbanField}' is not a field of ${object.name}` });
    else if (field.type !== 'picklist') problems.push({ path: '/kanbanField', message: msg`'${field.name}' is a ${field.type} field: a kanban needs a picklist field` });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    view: {
      definition,
      name: definition.name,
      object: object.name,
      label: resolveLabels(definition.label, definition.name),
      permissionSets: definition.permissionSets ?? [],
    },
  };
}
