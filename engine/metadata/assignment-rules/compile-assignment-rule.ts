import type { ErrorDetail } from '../../errors/index.js';
import { compileExpression, expressionScope, isCompiled, type CompiledExpression } from '../../formula/index.js';
import { msg } from '../../i18n/message.js';
import type { AssignmentRuleDefinition, Assignee } from '../../schemas/generated/assignment-rule.js';
import type { CompiledObject } from '../compiled-object.js';
import { EXPRESSION_VARIABLES } from '../object-logic.js';
import type { SecurityModel } from '../security/resolved-security.js';

/** One entry of an assignment rule: its compiled condition (null: every record) and whom it assigns to. */
export interface CompiledAssignmentEntry {
  readonly condition: CompiledExpression | null;
  readonly assignTo: Assignee;
}

/** An assignment rule checked against the metadata, its conditions compiled. */
export interface CompiledAssignmentRule {
  readonly definition: AssignmentRuleDefinition;
  readonly name: string;
  readonly object: string;
  readonly active: boolean;
  readonly order: number;
  readonly entries: readonly CompiledAssignmentEntry[];
}

/**
 * Checks an assignment rule: its object exists and owns its records (a detail of a master-detail
 * follows its master), each condition compiles, each queue or group it names exists. A user it
 * names is checked when the rule runs: users are records, not metadata.
 */
export function compileAssignmentRule(
  definition: AssignmentRuleDefinition,
  objects: ReadonlyMap<string, CompiledObject>,
  security: SecurityModel,
): { rule?: CompiledAssignmentRule; problems: ErrorDetail[] } {
  const object = objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };
  if (object.object.sharing === 'controlledByParent') {
    return { problems: [{ path: '/object', message: msg`${object.name} records belong with their ${object.object.master!.target}: assign the ${object.object.master!.target} instead` }] };
  }
  const problems: ErrorDetail[] = [];
  const scope = expressionScope(object.object, (name) => objects.get(name)?.object, EXPRESSION_VARIABLES);
  const entries = definition.entries.map((entry, index): CompiledAssignmentEntry => {
    const at = `/entries/${index}`;
    let condition: CompiledExpression | null = null;
    if (entry.condition !== undefined) {
      const compiled = compileExpression(entry.condition, scope, `${at}/condition`);
      if (isCompiled(compiled)) condition = compiled;
      else problems.push(...compiled.problems.map(({ path, message }) => ({ path, message })));
    }
    const group = 'queue' in entry.assignTo ? entry.assignTo.queue : 'roundRobin' in entry.assignTo ? entry.assignTo.roundRobin : null;
    if (group !== null && !security.groups.has(group)) {
      problems.push({ path: `${at}/assignTo/${'queue' in entry.assignTo ? 'queue' : 'roundRobin'}`, message: msg`there is no group named '${group}'` });
    }
    return { condition, assignTo: entry.assignTo };
  });
  if (problems.length > 0) return { problems };
  return { problems, rule: { definition, name: definition.name, object: object.name, active: definition.active ?? true, order: definition.order ?? 0, entries } };
}
