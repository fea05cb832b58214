import type { ErrorDetail } from '../../errors/index.js';
import type { CompiledExpression } from '../../formula/index.js';
import { msg } from '../../i18n/message.js';
import type { ApprovalAction } from '../../schemas/generated/common.js';
import type { CompiledObject } from '../compiled-object.js';
import { checkNewValues } from './check-new-values.js';

/** The conversion of an action, as its schema has it. */
export type Conversion = Extract<ApprovalAction, { convert: unknown }>['convert'];

/** Whether a field of an object is a lookup (or master-detail) to records of `target`. */
function linksTo(object: CompiledObject, name: string, target: string): boolean {
  const field = object.field(name);
  return (field?.type === 'lookup' || field?.type === 'masterdetail') && field.target === target;
}

/**
 * A conversion checked against the metadata: each record's object exists and gets every field it
 * requires, its `as` is unique, its links name a record created before it through a lookup to that
 * record's object, and the record's own links name created records through lookups to theirs.
 * The values' expressions are kept under `<at>/create/<index>`.
 */
export function checkConvert(
  convert: Conversion,
  at: string,
  object: CompiledObject,
  objects: ReadonlyMap<string, CompiledObject>,
  problems: ErrorDetail[],
  expressions: Map<string, CompiledExpression>,
  expression: (source: string, at: string) => CompiledExpression | null,
): void {
  const made = new Map<string, string>();
  convert.create.forEach((create, index) => {
    const here = `${at}/create/${index}`;
    if (made.has(create.as)) problems.push({ path: `${here}/as`, message: msg`'${create.as}' names an earlier record of the conversion: give each record its own name` });
    const target = objects.get(create.object);
    if (!target) {
      problems.push({ path: `${here}/object`, message: msg`there is no object named '${create.object}'` });
      return;
    }
    for (const [field, as] of Object.entries(create.links ?? {})) {
      const linked = made.get(as);
      if (linked === undefined) problems.push({ path: `${here}/links/${field}`, message: msg`'${as}' is not a record created before this one in the conversion` });
      else if (!linksTo(target, field, linked)) problems.push({ path: `${here}/links/${field}`, message: msg`'${field}' is not a lookup from ${target.name} to ${linked}` });
    }
    checkNewValues(target, create.values ?? {}, new Set(Object.keys(create.links ?? {})), here, `${here}/values`, problems, expressions, expression);
    made.set(create.as, target.name);
  });
  for (const [field, as] of Object.entries(convert.links ?? {})) {
    const linked = made.get(as);
    if (linked === undefined) problems.push({ path: `${at}/links/${field}`, message: msg`'${as}' is not a record the conversion creates` });
    else if (!linksTo(object, field, linked)) problems.push({ path: `${at}/links/${field}`, message: msg`'${field}' is not a lookup from ${object.name} to ${linked}` });
  }
}
