import { NotFoundError, ValidationError } from '../errors/index.js';
import { checkDefinition } from '../metadata/definition-validator.js';
import { resolveLayout } from '../metadata/layouts/resolve-layout.js';
import { checkSystemRight } from '../security/object-access.js';
import { checkObjectRight, userAccess } from '../security/access/index.js';
import type { OperationContext } from '../context/index.js';
import { compileForm } from './compile-form.js';
import type { FormDefinition } from './form-definition.js';
import type { Language } from '../i18n/language.js';
import { msg } from '../i18n/message.js';

/**
 * The form an unsaved layout would give, compiled exactly as a saved one (checked against the
 * layout schema and the object, then compileForm with the caller's own field access), so the
 * layout editor previews the real form without saving anything. Only for those who may change
 * metadata, as the draft is theirs to save.
 */
export function previewForm(ctx: OperationContext, objectName: string, draft: unknown, language: Language): FormDefinition {
  checkSystemRight(ctx, 'manageMetadata', msg`You may not change layouts, so you cannot preview one.`);
  const object = ctx.snapshot.object(objectName);
  if (!object) throw new NotFoundError(msg`There is no object named '${objectName}'.`);
  checkObjectRight(ctx, object, 'read');
  const checked = checkDefinition('layout', draft);
  if (!checked.ok) throw new ValidationError(checked.problems);
  if (checked.definition.object !== objectName) {
    throw new ValidationError([{ path: '/object', message: msg`must be ${objectName}, the object of this form; got '${checked.definition.object}'` }]);
  }
  const resolved = resolveLayout(checked.definition, ctx.snapshot.objects);
  if (!resolved.layout) throw new ValidationError(resolved.problems);
  const { hidden, editable } = userAccess(ctx.snapshot, ctx.principal).fields(object);
  return compileForm(object, resolved.layout, language, { hidden, editable, readsObject: (name) => userAccess(ctx.snapshot, ctx.principal).object(name).read });
}
