import { moreProblems, RuleViolationError, type ErrorDetail } from '../../errors/index.js';
import { convertedAmounts } from './convert-currencies.js';
import { PLAIN_TEXT, plainTextFields, plainTextOf } from '../../metadata/query/plain-text.js';
import { checkDependentPicklists } from './check-dependent-picklists.js';
import { evaluateExpression, toResultType } from '../../formula/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Collections } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { localize } from '../../i18n/language.js';
import { joinMessages } from '../../i18n/message.js';
import { expressionBindings, expressionInput, type LogicContext } from './expression-input.js';

/**
 * Computes the formula fields of a record as it will be stored (in dependency order, each
 * formula seeing those before it) and checks the validation rules on the result. Returns the
 * formula values (null where a formula gives nothing); throws 422 listing every broken rule.
 */
export async function applyObjectLogic(
  tx: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  record: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  // dependent picklists against their controlling fields, on the record as it will be
  checkDependentPicklists(object, record);
  if (!object.logic.derives && object.logic.rules.length === 0) return {};
  const { computed, input } = await computeDerived(tx, ctx, object, record);
  // validation rules on the record as it would be stored
  const broken: ErrorDetail[] = [];
  for (const rule of object.logic.rules) {
    if ((await evaluateExpression(rule.expression, input, expressionBindings(ctx))) === true) {
      broken.push({ path: rule.path, message: localize(rule.message, ctx.language) });
    }
  }
  // The rules' own messages are in the reader's language already; the count of the others is the platform's to say.
  if (broken.length > 0) throw new RuleViolationError(broken, joinMessages([broken[0]!.message, moreProblems(broken.length)], ''));
  return computed;
}

/**
 * What a record's stored values derive: amounts converted to the corporate currency, the plain
 * text of its rich text, then the formulas (which may read the amounts), with the expression input
 * they were computed with.
 */
export async function computeDerived(
  reader: Collections,
  ctx: LogicContext,
  object: CompiledObject,
  record: Record<string, unknown>,
): Promise<{ computed: Record<string, unknown>; input: Record<string, unknown> }> {
  const computed: Record<string, unknown> = convertedAmounts(ctx.snapshot, object, record);
  const input = await expressionInput(reader, ctx, object, { ...record, ...computed });
  const bindings = expressionBindings(ctx);
  for (const { field, expression } of object.logic.formulas) {
    const value = toResultType(await evaluateExpression(expression, input, bindings), field.resultType, { scale: field.scale });
    computed[field.name] = value;
    input[field.name] = value;
  }
  if (plainTextFields(object).length > 0) computed[PLAIN_TEXT] = plainTextOf(object, record);
  return { computed, input };
}

/** Fills fields the client left empty from their default expressions (a new record only). */
export async function applyDefaultExpressions(
  reader: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const missing = object.logic.defaults.filter(({ field }) => values[field.name] === undefined);
  if (missing.length === 0) return values;
  const input = await expressionInput(reader, ctx, object, values);
  const filled = { ...values };
  for (const { field, expression } of missing) {
    const value = await evaluateExpression(expression, input, expressionBindings(ctx));
    // An empty result leaves the field empty; a wrong one is caught by schema validation next.
    if (value !== null) filled[field.name] = value;
  }
  return filled;
}
