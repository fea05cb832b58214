import { NotFoundError } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { msg } from '../../i18n/message.js';

export function requireObject(snapshot: Snapshot, name: string): CompiledObject {
  const compiled = snapshot.object(name);
  if (!compiled) throw new NotFoundError(msg`There is no object named '${name}'.`);
  return compiled;
}
