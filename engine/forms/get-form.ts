import { NotFoundError, ValidationError } from '../errors/index.js';
import type { OperationContext } from '../tenancy/index.js';
import { compileForm } from './compile-form.js';
import type { FormDefinition } from './form-definition.js';
import type { Language } from '../i18n/language.js';

export interface FormRequest {
  /** A layout by name; without one, the object's default layout, or the default form if it has none. */
  layout?: string;
  language: Language;
}

/**
 * The form of an object in one language. Compiled once per snapshot, layout and language, and
 * shared by every later request on that metadata version; a metadata change brings a new snapshot
 * and so a fresh form on the next request.
 */
export function getForm(ctx: OperationContext, objectName: string, request: FormRequest): FormDefinition {
  const { snapshot } = ctx;
  const object = snapshot.object(objectName);
  if (!object) throw new NotFoundError(`There is no object named '${objectName}'.`);
  let layout = snapshot.layoutsOf(objectName)[0];
  if (request.layout !== undefined) {
    layout = snapshot.layout(request.layout);
    if (!layout) throw new NotFoundError(`There is no layout named '${request.layout}'.`);
    if (layout.object !== objectName) {
      throw new ValidationError([
        { path: '/layout', message: `must name a layout of ${objectName}; '${request.layout}' is a layout of ${layout.object}` },
      ]);
    }
  }
  const key = `form:${objectName}:${layout?.name ?? ''}:${request.language}`;
  return snapshot.memo(key, () => ({ ...compileForm(object, layout, request.language), version: snapshot.version }));
}
