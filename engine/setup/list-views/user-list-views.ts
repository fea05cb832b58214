import { localize, type Language } from '../../i18n/language.js';
import { visibleSnapshot } from '../../security/access/visible-metadata.js';
import type { OperationContext } from '../../context/index.js';
import { resolveLabels } from '../../metadata/labels.js';
import { requireObject } from '../operations/require-object.js';
import type { ListViewDefinition } from '../../schemas/generated/list-view.js';
import { shownTo } from '../shown-to.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { ownViews } from './personal-view-store.js';
import { resolveListView } from '../../metadata/list-views/resolve-list-view.js';
import { withoutRemovedFields } from '../../metadata/list-views/without-removed-fields.js';

/** A list view as the web app applies it: labels in the reader's language, and whose it is. */
export interface UserListView {
  readonly name: string;
  readonly object: string;
  readonly label: string;
  readonly columns: readonly string[];
  readonly filter?: ListViewDefinition['filter'];
  readonly sort?: readonly string[];
  readonly kanbanField?: string;
  /** The caller's own view (they may rename, change and delete it); false for a shared one. */
  readonly personal: boolean;
}

/**
 * The views of one object for the signed-in user: the shared ones shown to one of their permission
 * sets (or to everyone), then their own personal ones, each narrowed to what they may read.
 * 404 when the object is unknown to them.
 */
export async function listUserViews(ctx: OperationContext, objectName: string): Promise<UserListView[]> {
  const visible = visibleSnapshot(ctx.snapshot, ctx.principal);
  requireObject(visible, objectName);
  const shared = ctx.snapshot
    .listViewsOf(objectName)
    .filter((view) => shownTo(view.permissionSets, ctx.principal))
    .map((view) => view.definition);
  // A personal view outlives the fields it named: what an admin removed since is dropped from it.
  const own = (await ownViews(ctx, objectName)).map((view) => withoutRemovedFields(view, ctx.snapshot.object(objectName)!)).sort((a, b) => labelOf(a, ctx.language).localeCompare(labelOf(b, ctx.language)));
  return [...shared.map((view) => userView(view, false, visible, ctx.language)), ...own.map((view) => userView(view, true, visible, ctx.language))].filter(
    (view): view is UserListView => view !== undefined,
  );
}

/** One view as `listUserViews` gives it, or undefined when nothing of it is left for this user. */
export function userView(definition: ListViewDefinition, personal: boolean, visible: Snapshot, language: Language): UserListView | undefined {
  const narrowed = narrowedView(definition, visible);
  if (!narrowed) return undefined;
  const { name, object, columns, filter, sort, kanbanField } = narrowed;
  return {
    name,
    object,
    label: labelOf(narrowed, language),
    columns,
    ...(filter === undefined ? {} : { filter }),
    ...(sort === undefined ? {} : { sort }),
    ...(kanbanField === undefined ? {} : { kanbanField }),
    personal,
  };
}

/**
 * A view without the columns the user may not read. A view whose filter, sort or kanban field
 * needs a field hidden from them cannot be applied without revealing it: as if it did not exist.
 */
export function narrowedView(definition: ListViewDefinition, visible: Snapshot): ListViewDefinition | undefined {
  const object = visible.object(definition.object);
  if (!object) return undefined;
  const [first, ...rest] = definition.columns.filter((column) => object.field(column) !== undefined);
  if (first === undefined) return undefined;
  const narrowed: ListViewDefinition = { ...definition, columns: [first, ...rest] };
  return resolveListView(narrowed, visible.objects).view ? narrowed : undefined;
}

function labelOf(definition: ListViewDefinition, language: Language): string {
  return localize(resolveLabels(definition.label, definition.name), language);
}
