import { evaluateExpression, type CompiledExpression, type JsonValue } from '../../formula/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Collections } from '../../store/port.js';
import { expressionBindings, expressionInput, type LogicContext } from './expression-input.js';

/**
 * One expression of a process, rule or action evaluated on a record: its fields, the parents the
 * expression reads through lookups (one read each), `$user` and `$today`.
 */
export async function evaluateOnRecord(
  reader: Collections,
  ctx: LogicContext,
  object: CompiledObject,
  compiled: CompiledExpression,
  record: Record<string, unknown>,
): Promise<JsonValue> {
  const lookups = new Set(compiled.references.parents.map((parent) => parent.lookup));
  return evaluateExpression(compiled, await expressionInput(reader, ctx, object, record, lookups), expressionBindings(ctx));
}
