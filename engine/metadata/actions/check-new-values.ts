import type { ErrorDetail } from '../../errors/index.js';
import { fieldTypeOf } from '../../fields/index.js';
import type { CompiledExpression } from '../../formula/index.js';
import { msg } from '../../i18n/message.js';
import { expressionKey } from '../approval-processes/compiled-process.js';
import type { CompiledObject } from '../compiled-object.js';

/**
 * The values of a record an action creates: every field it requires is given (by `values` or by a
 * link in `linked`), each given field can be set, each expression compiles (kept under the
 * expression key of `at` and the field's name).
 */
export function checkNewValues(
  target: CompiledObject,
  values: Readonly<Record<string, string>>,
  linked: ReadonlySet<string>,
  at: string,
  valuesAt: string,
  problems: ErrorDetail[],
  expressions: Map<string, CompiledExpression>,
  expression: (source: string, at: string) => CompiledExpression | null,
): void {
  for (const field of target.object.fields) {
    if (field.required && field.default === undefined && fieldTypeOf(field).writable && !(field.name in values) && !linked.has(field.name)) {
      problems.push({ path: valuesAt, message: msg`'${field.name}' is required by ${target.name}: give it a value` });
    }
  }
  for (const [name, source] of Object.entries(values)) {
    const field = target.field(name);
    if (!field || !fieldTypeOf(field).writable) problems.push({ path: `${valuesAt}/${name}`, message: msg`'${name}' is not a field of ${target.name} that can be set` });
    const compiled = expression(source, `${valuesAt}/${name}`);
    if (compiled) expressions.set(expressionKey(at, name), compiled);
  }
}
