import type { ErrorDetail } from '../../errors/index.js';
import { compileExpression, expressionScope, isCompiled, type CompiledExpression } from '../../formula/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { EXPRESSION_VARIABLES } from '../object-logic.js';
import type { AutomationRuleDefinition } from '../../schemas/generated/automation-rule.js';
import { checkAction } from '../actions/check-action.js';
import type { ActionSource } from '../actions/action-source.js';
import { msg } from '../../i18n/message.js';

/** A record-triggered rule checked against the metadata, its condition and actions compiled. */
export interface CompiledRule {
  readonly definition: AutomationRuleDefinition;
  readonly name: string;
  readonly object: string;
  readonly active: boolean;
  readonly order: number;
  readonly on: 'create' | 'update' | 'createOrUpdate';
  readonly condition: CompiledExpression | null;
  /** The rule as the owner of its actions (their compiled expressions by path). */
  readonly source: ActionSource;
}

export function compileRule(definition: AutomationRuleDefinition, objects: ReadonlyMap<string, CompiledObject>): { rule?: CompiledRule; problems: ErrorDetail[] } {
  const object = objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };
  const problems: ErrorDetail[] = [];
  const scope = expressionScope(object.object, (name) => objects.get(name)?.object, EXPRESSION_VARIABLES);
  const expression = (source: string, at: string): CompiledExpression | null => {
    const compiled = compileExpression(source, scope, at);
    if (isCompiled(compiled)) return compiled;
    problems.push(...compiled.problems.map(({ path, message }) => ({ path, message })));
    return null;
  };
  const condition = definition.condition ? expression(definition.condition, '/condition') : null;
  const expressions = new Map<string, CompiledExpression>();
  definition.actions.forEach((action, index) => checkAction(action, `/actions/${index}`, object, objects, problems, expressions, expression));
  if (problems.length > 0) return { problems };
  return {
    problems,
    rule: {
      definition,
      name: definition.name,
      object: object.name,
      active: definition.active ?? true,
      order: definition.order ?? 0,
      on: definition.on ?? 'createOrUpdate',
      condition,
      source: { object: object.name, name: `automation ${definition.name}`, label: definition.label?.en ?? definition.name, expressions },
    },
  };
}
