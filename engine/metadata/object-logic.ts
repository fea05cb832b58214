import type { ErrorDetail } from '../errors/index.js';
import { corporateAmountField, fieldTypeOf } from '../fields/index.js';
import type { ResolvedField, ResolvedFormulaField, Labels } from '../fields/index.js';
import { compileExpression, expressionScope, isCompiled, type CompiledExpression, type ExpressionScope } from '../formula/index.js';
import { resolveLabels } from './labels.js';
import type { ResolvedObject } from './resolved-object.js';
import type { ObjectDefinition } from '../schemas/generated/object.js';
import { msg } from '../i18n/message.js';

/** Variables every expression of a record may use besides its fields. */
export const EXPRESSION_VARIABLES = ['user', 'today'] as const;

export interface CompiledFormula {
  readonly field: ResolvedFormulaField;
  readonly expression: CompiledExpression;
}

export interface CompiledRule {
  readonly name: string;
  readonly expression: CompiledExpression;
  readonly message: Labels;
  /** Where the message is shown: a field's path, or the record as a whole. */
  readonly path: string;
}

export interface CompiledDefault {
  readonly field: ResolvedField;
  readonly expression: CompiledExpression;
}

/** An object's business logic, compiled once per snapshot: what runs on every save. */
export interface ObjectLogic {
  /** Formulas in evaluation order: a formula comes after every formula it reads. */
  readonly formulas: readonly CompiledFormula[];
  /** Active validation rules. */
  readonly rules: readonly CompiledRule[];
  readonly defaults: readonly CompiledDefault[];
  /** Lookup fields whose parent records some expression reads. */
  readonly parentsRead: ReadonlySet<string>;
  /** Whether saving a record computes values: formulas, or currency amounts to convert. */
  readonly derives: boolean;
}

export const NO_LOGIC: ObjectLogic = { formulas: [], rules: [], defaults: [], parentsRead: new Set(), derives: false };

/**
 * Compiles every expression of an object against what it may read, so that a syntax error or a
 * reference to a field that does not exist is a 400 when the metadata is saved, never a failure
 * when a record is saved; orders formulas by what they read and refuses cycles.
 */
export function compileObjectLogic(
  definition: ObjectDefinition,
  object: ResolvedObject,
  objectNamed: (name: string) => ResolvedObject | undefined,
): { logic: ObjectLogic; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const base = expressionScope(object, objectNamed, EXPRESSION_VARIABLES);
  // Converted amounts are stored beside their fields, so expressions may read them too.
  const converted = object.fields.filter((field) => field.type === 'currency').map((field) => corporateAmountField(field.name));
  const scope: ExpressionScope = { ...base, fields: new Set([...base.fields, ...converted]) };
  const compile = (source: string, at: string): CompiledExpression | undefined => {
    const result = compileExpression(source, scope, at);
    if (isCompiled(result)) return result;
    problems.push(...result.problems.map(({ path, message }) => ({ path, message })));
    return undefined;
  };

  const formulas: CompiledFormula[] = [];
  const defaults: CompiledDefault[] = [];
  object.fields.forEach((field, index) => {
    if (field.type === 'formula') {
      const expression = compile(field.expression, `/fields/${index}/expression`);
      if (expression) formulas.push({ field, expression });
    }
    if (field.defaultExpression !== undefined) {
      if (field.default !== undefined) problems.push({ path: `/fields/${index}/defaultExpression`, message: msg`cannot be combined with default; keep one` });
      const expression = compile(field.defaultExpression, `/fields/${index}/defaultExpression`);
      if (expression) defaults.push({ field, expression });
    }
  });

  const rules: CompiledRule[] = [];
  const ruleNames = new Set<string>();
  (definition.validationRules ?? []).forEach((rule, index) => {
    const at = `/validationRules/${index}`;
    if (ruleNames.has(rule.name)) problems.push({ path: `${at}/name`, message: msg`'${rule.name}' is already the name of another rule` });
    ruleNames.add(rule.name);
    if (rule.field && !object.fieldsByName.has(rule.field)) problems.push({ path: `${at}/field`, message: msg`'${rule.field}' is not a field of ${object.name}` });
    const expression = compile(rule.condition, `${at}/condition`);
    if (expression && rule.active !== false) {
      rules.push({ name: rule.name, expression, message: resolveLabels(rule.message, rule.name), path: rule.field ? `/${rule.field}` : '' });
    }
  });

  const ordered = orderFormulas(formulas, object, problems);
  const parentsRead = new Set<string>();
  for (const { expression } of [...ordered, ...rules, ...defaults]) {
    for (const parent of expression.references.parents) parentsRead.add(parent.lookup);
  }
  // Converted amounts and the plain text of rich text are stored beside their fields.
  const derives = ordered.length > 0 || object.fields.some((field) => field.type === 'currency' || fieldTypeOf(field).plainText !== undefined);
  return { logic: { formulas: ordered, rules, defaults, parentsRead, derives }, problems };
}

/** Depth-first topological order; a formula that reads itself through others is a cycle. */
function orderFormulas(formulas: CompiledFormula[], object: ResolvedObject, problems: ErrorDetail[]): CompiledFormula[] {
  const byName = new Map(formulas.map((formula) => [formula.field.name, formula]));
  const ordered: CompiledFormula[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (formula: CompiledFormula, trail: string[]): void => {
    const name = formula.field.name;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const index = object.fields.findIndex((field) => field.name === name);
      problems.push({ path: `/fields/${index}/expression`, message: msg`formulas read each other in a circle: ${[...trail, name].join(' → ')}` });
      return;
    }
    state.set(name, 'visiting');
    for (const read of formula.expression.references.fields) {
      const dependency = byName.get(read);
      if (dependency) visit(dependency, [...trail, name]);
    }
    state.set(name, 'done');
    ordered.push(formula);
  };
  for (const formula of formulas) visit(formula, []);
  return ordered;
}

export type { ExpressionScope };
