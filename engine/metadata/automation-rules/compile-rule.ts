import { resolveLabels } from '../labels.js';
import type { ErrorDetail } from '../../errors/index.js';
import { compileExpression, expressionScope, isCompiled, type CompiledExpression } from '../../formula/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { EXPRESSION_VARIABLES } from '../object-logic.js';
import type { AutomationRuleDefinition } from '../../schemas/generated/automation-rule.js';
import { checkAction } from '../actions/check-action.js';
import type { ActionSource } from '../actions/action-source.js';
import { msg } from '../../i18n/message.js';
import { compileSchedule, compileTimeTrigger, timingSignature, type CompiledSchedule, type CompiledTimeTrigger } from './time-trigger.js';

/** What triggers a rule: a write of a record, a time relative to its date field, a schedule, or a user's button. */
export type RuleTrigger = 'create' | 'update' | 'createOrUpdate' | 'time' | 'schedule' | 'button';

/** An automation rule checked against the metadata, its condition, trigger and actions compiled. */
export interface CompiledRule {
  readonly definition: AutomationRuleDefinition;
  readonly name: string;
  readonly object: string;
  readonly active: boolean;
  readonly order: number;
  readonly on: RuleTrigger;
  readonly condition: CompiledExpression | null;
  /** With on: time. */
  readonly time: CompiledTimeTrigger | null;
  /** With on: schedule. */
  readonly schedule: CompiledSchedule | null;
  /** What the planned occasions of a time-based or scheduled rule depend on (null for the others). */
  readonly timing: string | null;
  /** The user the actions of a time-based or scheduled rule run as; null: the engine. */
  readonly runAs: string | null;
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
  const on = definition.on ?? 'createOrUpdate';
  const time = on === 'time' ? compileTimeTrigger(definition, object, problems) : null;
  const schedule = on === 'schedule' ? compileSchedule(definition, object, problems) : null;
  if (on !== 'time' && definition.time) problems.push({ path: '/time', message: msg`is only for on: time` });
  if (on !== 'schedule' && definition.schedule) problems.push({ path: '/schedule', message: msg`is only for on: schedule` });
  if (on !== 'time' && on !== 'schedule' && definition.runAs) problems.push({ path: '/runAs', message: msg`is only for time-based and scheduled rules: the others act as the user whose write or button triggers them` });
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
      on,
      condition,
      time,
      schedule,
      timing: on === 'time' || on === 'schedule' ? timingSignature(definition) : null,
      runAs: definition.runAs ?? null,
      source: { object: object.name, name: `automation ${definition.name}`, label: resolveLabels(definition.label, definition.name), expressions },
    },
  };
}
