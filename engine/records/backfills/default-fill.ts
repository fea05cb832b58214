import { RuleViolationError } from '../../errors/index.js';
import { evaluateExpression } from '../../formula/index.js';
import { msg } from '../../i18n/message.js';
import { expressionInput, type LogicContext } from '../logic/expression-input.js';
import { cloneDocument } from '../../store/json-document.js';
import type { Collections, Doc } from '../../store/port.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';

/** Whether a field has a default a record without a value can be given. */
export function hasDefault(object: CompiledObject, field: string): boolean {
  const definition = object.field(field);
  return definition !== undefined && (definition.default !== undefined || definition.defaultExpression !== undefined);
}

/**
 * The defaults an existing record gets for the listed fields it holds no value of, as a new record
 * would have got them: a plain default as it is, a default expression evaluated on the record, with
 * `$user` the record's owner (the user it would have been created by). Throws a 422 for a value the
 * field refuses (an expression giving a text to a number), which a backfill counts as skipped.
 */
export async function missingDefaults(reader: Collections, ctx: LogicContext, object: CompiledObject, fields: readonly string[], record: Doc): Promise<Record<string, unknown>> {
  const filled: Record<string, unknown> = {};
  const expressions = object.logic.defaults.filter(({ field }) => fields.includes(field.name) && empty(record[field.name]));
  for (const name of fields) {
    const field = object.field(name);
    if (field?.default !== undefined && empty(record[name])) filled[name] = cloneDocument(field.default);
  }
  if (expressions.length > 0) {
    const input = await expressionInput(reader, ctx, object, record);
    const bindings = { user: typeof record._owner === 'string' ? record._owner : ctx.principal.userId, today: new Date().toISOString().slice(0, 10) };
    for (const { field, expression } of expressions) {
      const value = await evaluateExpression(expression, input, bindings);
      if (value !== null && value !== undefined) filled[field.name] = value;
    }
  }
  for (const [name, value] of Object.entries(filled)) {
    if (!object.valueValidator(object.field(name)!)(value)) {
      throw new RuleViolationError([{ path: `/${name}`, message: msg`its default does not fit the field` }], msg`The default of '${name}' does not fit the field.`);
    }
  }
  return filled;
}

function empty(value: unknown): boolean {
  return value === null || value === undefined;
}
