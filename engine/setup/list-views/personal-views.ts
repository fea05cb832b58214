import { NotFoundError, ValidationError, type ErrorDetail } from '../../errors/index.js';
import { checkObjectRight } from '../../security/access/record-access.js';
import { visibleSnapshot } from '../../security/access/visible-metadata.js';
import { newId } from '../../store/new-id.js';
import type { OperationContext } from '../../context/index.js';
import { checkDefinition } from '../../metadata/definition-validator.js';
import { requireObject } from '../operations/require-object.js';
import type { ListViewDefinition } from '../../schemas/generated/list-view.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { PERSONAL_VIEWS } from '../../metadata/metadata-collections.js';
import { ownView, type PersonalViewDoc } from './personal-view-store.js';
import { resolveListView } from '../../metadata/list-views/resolve-list-view.js';
import { userView, type UserListView } from './user-list-views.js';
import { msg } from '../../i18n/message.js';

/**
 * A user's own list views: anyone who may read an object may save views of it for themselves,
 * without the manage-metadata right. Each is checked as a shared view is (the kind's schema, then
 * columns, filter, sort and kanban field against the object), but against what this user may
 * read: a field hidden from them is unknown here too. Another user's view answers 404, as one that
 * does not exist.
 */
export async function createPersonalView(ctx: OperationContext, objectName: string, body: unknown): Promise<UserListView> {
  const visible = readableObject(ctx, objectName);
  const name = `my_${newId()}`;
  const definition = checkPersonal(visible, objectName, name, body);
  await ctx.tenant.store.collection<PersonalViewDoc>(PERSONAL_VIEWS).insertOne({ _id: name, owner: ctx.principal.userId, object: objectName, definition, updatedAt: new Date().toISOString() });
  return shown(definition, visible, ctx);
}

/** PUT: the whole new view (a new label renames it); its name stays. */
export async function replacePersonalView(ctx: OperationContext, objectName: string, name: string, body: unknown): Promise<UserListView> {
  const visible = readableObject(ctx, objectName);
  const existing = await ownView(ctx, objectName, name);
  if (!existing) throw notFound(name);
  const definition = checkPersonal(visible, objectName, name, body);
  await ctx.tenant.store.collection<PersonalViewDoc>(PERSONAL_VIEWS).replaceOne({ _id: name, owner: ctx.principal.userId }, { ...existing, definition, updatedAt: new Date().toISOString() });
  return shown(definition, visible, ctx);
}

export async function deletePersonalView(ctx: OperationContext, objectName: string, name: string): Promise<void> {
  readableObject(ctx, objectName);
  const removed = await ctx.tenant.store.collection<PersonalViewDoc>(PERSONAL_VIEWS).deleteOne({ _id: name, owner: ctx.principal.userId, object: objectName });
  if (removed === 0) throw notFound(name);
}

/** The user's view of the metadata, once the object is one they may read (404 when unknown to them, 403 without read). */
function readableObject(ctx: OperationContext, objectName: string): Snapshot {
  const visible = visibleSnapshot(ctx.snapshot, ctx.principal);
  checkObjectRight(ctx, requireObject(visible, objectName), 'read');
  return visible;
}

/**
 * The body is a list view without its name and object (both come from the path), with a label,
 * and without permission sets (nobody else sees it).
 */
function checkPersonal(visible: Snapshot, objectName: string, name: string, body: unknown): ListViewDefinition {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError([{ path: '', message: msg`must be a JSON object` }]);
  const given = body as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  if ('name' in given && given.name !== name) problems.push({ path: '/name', message: msg`is given by the server: leave it out` });
  if ('object' in given && given.object !== objectName) problems.push({ path: '/object', message: msg`must be '${objectName}', the object in the path, or left out` });
  if ('permissionSets' in given) problems.push({ path: '/permissionSets', message: msg`cannot be set on a personal view: only its owner sees it` });
  const label = given.label as Record<string, unknown> | undefined;
  if (!label || typeof label !== 'object' || !Object.values(label).some((text) => typeof text === 'string' && text.trim() !== '')) {
    problems.push({ path: '/label', message: msg`is required: give the view a name you will recognise` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const checked = checkDefinition('listView', { ...given, name, object: objectName });
  if (!checked.ok) throw new ValidationError(checked.problems);
  const resolved = resolveListView(checked.definition, visible.objects);
  if (!resolved.view) throw new ValidationError(resolved.problems);
  return checked.definition;
}

function shown(definition: ListViewDefinition, visible: Snapshot, ctx: OperationContext): UserListView {
  return userView(definition, true, visible, ctx.language)!;
}

function notFound(name: string): NotFoundError {
  return new NotFoundError(msg`There is no list view named '${name}'.`);
}
