import Handlebars from 'handlebars';
import type { ErrorDetail } from '../../errors/index.js';
import { fieldTypeOf } from '../../fields/index.js';
import type { CompiledExpression } from '../../formula/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { readableErrors } from '../readable-errors.js';
import type { ApprovalAction } from '../../schemas/generated/common.js';
import { expressionKey } from '../approval-processes/compiled-process.js';
import { msg } from '../../i18n/message.js';
import { checkConvert } from './check-convert.js';
import { checkNewValues } from './check-new-values.js';

/** Whether a field of the object is a lookup to users: what approver and recipient fields must be. */
export function isUserLookup(object: CompiledObject, name: string): boolean {
  const field = object.field(name);
  return field !== undefined && field.type === 'lookup' && field.target === 'user';
}

/**
 * Checks one action of a process or an automation rule against the metadata: the field it sets
 * exists and takes the value, its expressions and templates compile, the object it creates
 * records of has the fields it fills. Compiled expressions go into `expressions` by the action's path.
 */
export function checkAction(
  action: ApprovalAction,
  at: string,
  object: CompiledObject,
  objects: ReadonlyMap<string, CompiledObject>,
  problems: ErrorDetail[],
  expressions: Map<string, CompiledExpression>,
  expression: (source: string, at: string) => CompiledExpression | null,
): void {
  if ('setField' in action) {
    const field = object.field(action.setField);
    if (!field) problems.push({ path: `${at}/setField`, message: msg`'${action.setField}' is not a field of ${object.name}` });
    else if (!fieldTypeOf(field).writable) problems.push({ path: `${at}/setField`, message: msg`'${action.setField}' is computed (${field.type}) and cannot be set` });
    if ((action.value === undefined) === (action.expression === undefined)) {
      problems.push({ path: at, message: msg`give either value or expression` });
    } else if (action.expression !== undefined) {
      const compiled = expression(action.expression, `${at}/expression`);
      if (compiled) expressions.set(expressionKey(at), compiled);
    } else if (field && action.value !== null) {
      const validate = object.valueValidator(field);
      if (!validate(action.value)) {
        problems.push(...readableErrors(validate.errors ?? [], { unknownProperty: msg`is not allowed` }).map((detail) => ({ path: `${at}/value${detail.path}`, message: detail.message })));
      }
    }
  } else if ('email' in action) {
    for (const part of ['subject', 'body'] as const) templateProblem(action.email[part], `${at}/email/${part}`, problems);
    action.email.to.forEach((recipient, index) => {
      if (typeof recipient === 'object' && 'field' in recipient && !isUserLookup(object, recipient.field)) {
        problems.push({ path: `${at}/email/to/${index}/field`, message: msg`'${recipient.field}' is not a lookup to user on ${object.name}` });
      }
    });
  } else if ('webhook' in action) {
    if (action.webhook.body) templateProblem(action.webhook.body, `${at}/webhook/body`, problems);
  } else if ('packAction' in action) {
    // Checked when the definition is saved, against the packs installed in the tenant
    // (actions/pack-action-uses.ts): a snapshot must compile even while a pack's code is missing.
    return;
  } else if ('convert' in action) {
    checkConvert(action.convert, `${at}/convert`, object, objects, problems, expressions, expression);
  } else {
    const target = objects.get(action.createRecord.object);
    if (!target) {
      problems.push({ path: `${at}/createRecord/object`, message: msg`there is no object named '${action.createRecord.object}'` });
      return;
    }
    checkNewValues(target, action.createRecord.values, new Set(), at, `${at}/createRecord/values`, problems, expressions, expression);
  }
}

/** Handlebars parses lazily: precompiling finds the syntax errors now, when the admin saves. */
function templateProblem(source: string, at: string, problems: ErrorDetail[]): void {
  try {
    Handlebars.precompile(source, { strict: false });
  } catch (error) {
    problems.push({ path: at, message: msg`is not a valid template: ${(error as Error).message.split('\n')[0]}` });
  }
}
