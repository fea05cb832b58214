import schema from '../../../schemas/list-view.schema.json' with { type: 'json' };
import type { ListViewDefinition } from '../../../schemas/generated/list-view.js';
import { msg } from '../../../i18n/message.js';
import { listViewIndexes } from '../../list-views/list-view-indexes.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Shared list views of an object (personal ones are their owners' data, not metadata of the tenant). */
export const listViewKind = defineKind<'listView', ListViewDefinition>({
  kind: 'listView',
  schema,
  noun: msg`list view`,
  plural: 'listViews',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.listViews),
  ofObject: { property: 'object', list: (snapshot, object) => snapshot.listViewsOf(object).map((view) => view.definition) },
  afterChange: listViewIndexes,
  api: {
    docs: {
      one: 'ListView',
      many: 'ListViews',
      listed:
        'The shared list views; of one object if asked. Users who may not manage metadata get the views shown to one of their permission sets (or to everyone) ' +
        'without the columns they may not read; a view whose filter, sort or kanban field needs a field hidden from them is left out. Personal views are at /api/v1/ui/views.',
      byObject: 'Only the list views of this object.',
      create:
        'Checked against the object as the list API would take it: the columns are its fields, `filter` compiles in the filter language (400 with paths under /filter ' +
        'for an unknown field, an operator the field\'s type does not allow or a wrong operand), `sort` names sortable fields, `kanbanField` is a picklist; the permission sets ' +
        'named must exist. 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new view; a different name renames it (409 when another view has that name).',
    },
  },
});
