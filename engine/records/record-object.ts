import { NotFoundError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { OperationContext } from '../context/index.js';
import { msg } from '../i18n/message.js';

/** The object a record operation works on, from the snapshot the operation started with. */
export function recordObject(ctx: OperationContext, name: string): CompiledObject {
  const object = ctx.snapshot.object(name);
  if (!object) throw new NotFoundError(msg`There is no object named '${name}'.`);
  return object;
}

export function recordNotFound(object: CompiledObject, id: string): NotFoundError {
  return new NotFoundError(msg`There is no ${object.object.label} record with id '${id}'.`);
}
