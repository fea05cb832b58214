import { NotFoundError, ValidationError } from '../errors/index.js';
import { checkObjectRight, rightsKey, userAccess } from '../security/access/index.js';
import type { OperationContext } from '../context/index.js';
import { compileForm } from './compile-form.js';
import type { FormDefinition } from './form-definition.js';
import type { Language } from '../i18n/language.js';
import { msg } from '../i18n/message.js';

export interface FormRequest {
  /** A layout by name; without one, the object's default layout, or the default form if it has none. */
  layout?: string;
  language: Language;
}

/**
 * The form of an object in one language, as the user may fill it in: the layout of their role
 * unless they ask for one, without the fields they may not read, read only where they may not
 * edit. Compiled once per snapshot, layout, language and set of permission sets, and shared by
 * every later request on that metadata version; a metadata change brings a new snapshot and so a
 * fresh form on the next request.
 */
export function getForm(ctx: OperationContext, objectName: string, request: FormRequest): FormDefinition {
  const { snapshot } = ctx;
  const object = snapshot.object(objectName);
  if (!object) throw new NotFoundError(msg`There is no object named '${objectName}'.`);
  checkObjectRight(ctx, object, 'read');
  const access = userAccess(snapshot, ctx.principal);
  // The layout of the user's role, else the object's default.
  const layouts = snapshot.layoutsOf(objectName);
  let layout = layouts.find((candidate) => ctx.principal.role !== null && candidate.roles.includes(ctx.principal.role)) ?? layouts[0];
  if (request.layout !== undefined) {
    layout = snapshot.layout(request.layout);
    if (!layout) throw new NotFoundError(msg`There is no layout named '${request.layout}'.`);
    if (layout.object !== objectName) {
      throw new ValidationError([
        { path: '/layout', message: msg`must name a layout of ${objectName}; '${request.layout}' is a layout of ${layout.object}` },
      ]);
    }
  }
  const { hidden, editable } = access.fields(object);
  const view = { hidden, editable, readsObject: (name: string) => access.object(name).read };
  const key = `form:${objectName}:${layout?.name ?? ''}:${request.language}:${rightsKey(ctx.principal)}`;
  return snapshot.memo(key, () => ({ ...compileForm(object, layout, request.language, view), version: snapshot.version }));
}
