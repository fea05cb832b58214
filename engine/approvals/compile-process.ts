import Handlebars from 'handlebars';
import type { ErrorDetail } from '../errors/index.js';
import { fieldTypeOf } from '../fields/index.js';
import { compileExpression, expressionScope, isCompiled, type CompiledExpression } from '../formula/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { EXPRESSION_VARIABLES } from '../metadata/object-logic.js';
import { readableErrors } from '../metadata/readable-errors.js';
import type { ApprovalAction, ApprovalProcessDefinition, Approver } from '../metadata/schemas/generated/approval-process.js';
import type { SecurityModel } from '../metadata/security/resolved-security.js';
import { actionLists, expressionKey, type CompiledProcess, type CompiledStep } from './compiled-process.js';
import { buildMachine } from './process-machine.js';

interface Metadata {
  readonly objects: ReadonlyMap<string, CompiledObject>;
  readonly security: SecurityModel;
}

/**
 * Checks an approval process against the tenant's metadata and compiles it: every expression and
 * template must compile, every field, role and group it names must exist, every step must be
 * reachable. All problems come back at once, each with its path in the definition.
 */
export function compileProcess(definition: ApprovalProcessDefinition, metadata: Metadata): { process?: CompiledProcess; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const object = metadata.objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: `there is no object named '${definition.object}'` }] };
  const scope = expressionScope(object.object, (name) => metadata.objects.get(name)?.object, EXPRESSION_VARIABLES);
  const expression = (source: string, at: string): CompiledExpression | null => {
    const compiled = compileExpression(source, scope, at);
    if (isCompiled(compiled)) return compiled;
    problems.push(...compiled.problems.map(({ path, message }) => ({ path, message })));
    return null;
  };

  const entryCriteria = definition.entryCriteria ? expression(definition.entryCriteria, '/entryCriteria') : null;
  for (const [index, role] of (definition.submitters?.roles ?? []).entries()) {
    if (!metadata.security.roles.has(role)) problems.push({ path: `/submitters/roles/${index}`, message: `there is no role named '${role}'` });
  }
  const names = new Set<string>();
  const steps: CompiledStep[] = definition.steps.map((step, index) => {
    const at = `/steps/${index}`;
    if (names.has(step.name)) problems.push({ path: `${at}/name`, message: `another step is already named '${step.name}'` });
    names.add(step.name);
    const mode = step.mode ?? 'first';
    if (mode === 'quorum' && step.quorum === undefined) problems.push({ path: `${at}/quorum`, message: 'is required with mode quorum: how many approvals the step needs' });
    if (mode !== 'quorum' && step.quorum !== undefined) problems.push({ path: `${at}/quorum`, message: 'only applies to mode quorum' });
    if (step.condition !== undefined && /^\s*false\s*$/.test(step.condition)) {
      problems.push({ path: `${at}/condition`, message: 'is always false: the step can never be reached; remove it or change its condition' });
    }
    step.approvers.forEach((approver, a) => problems.push(...approverProblems(approver, `${at}/approvers/${a}`, object, metadata)));
    if (step.escalation && 'user' in step.escalation.to && step.escalation.to.user.trim() === '') {
      problems.push({ path: `${at}/escalation/to/user`, message: 'must name a user' });
    }
    return {
      definition: step,
      name: step.name,
      mode,
      quorum: mode === 'quorum' ? (step.quorum ?? 1) : 1,
      condition: step.condition ? expression(step.condition, `${at}/condition`) : null,
      onReject: step.onReject ?? 'draft',
    };
  });

  const expressions = new Map<string, CompiledExpression>();
  for (const [path, actions] of actionLists(definition)) {
    actions.forEach((action, index) => checkAction(action, `${path}/${index}`, object, metadata, problems, expressions, expression));
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    process: {
      definition,
      name: definition.name,
      object: object.name,
      active: definition.active ?? true,
      order: definition.order ?? 0,
      lockRecord: definition.lockRecord ?? true,
      allowRecall: definition.allowRecall ?? true,
      entryCriteria,
      steps,
      expressions,
      machine: buildMachine(definition),
    },
  };
}

function isUserLookup(object: CompiledObject, name: string): boolean {
  const field = object.field(name);
  return field !== undefined && field.type === 'lookup' && field.target === 'user';
}

function approverProblems(approver: Approver, at: string, object: CompiledObject, metadata: Metadata): ErrorDetail[] {
  if ('role' in approver && !metadata.security.roles.has(approver.role)) return [{ path: `${at}/role`, message: `there is no role named '${approver.role}'` }];
  if ('queue' in approver && !metadata.security.groups.has(approver.queue)) return [{ path: `${at}/queue`, message: `there is no group named '${approver.queue}'` }];
  if ('field' in approver && !isUserLookup(object, approver.field)) {
    return [{ path: `${at}/field`, message: `'${approver.field}' is not a lookup to user on ${object.name}` }];
  }
  return [];
}

function checkAction(
  action: ApprovalAction,
  at: string,
  object: CompiledObject,
  metadata: Metadata,
  problems: ErrorDetail[],
  expressions: Map<string, CompiledExpression>,
  expression: (source: string, at: string) => CompiledExpression | null,
): void {
  if ('setField' in action) {
    const field = object.field(action.setField);
    if (!field) problems.push({ path: `${at}/setField`, message: `'${action.setField}' is not a field of ${object.name}` });
    else if (!fieldTypeOf(field).writable) problems.push({ path: `${at}/setField`, message: `'${action.setField}' is computed (${field.type}) and cannot be set` });
    if ((action.value === undefined) === (action.expression === undefined)) {
      problems.push({ path: at, message: 'give either value or expression' });
    } else if (action.expression !== undefined) {
      const compiled = expression(action.expression, `${at}/expression`);
      if (compiled) expressions.set(expressionKey(at), compiled);
    } else if (field && action.value !== null) {
      const validate = object.valueValidator(field);
      if (!validate(action.value)) {
        problems.push(...readableErrors(validate.errors ?? [], { unknownProperty: 'is not allowed' }).map((detail) => ({ path: `${at}/value${detail.path}`, message: detail.message })));
      }
    }
  } else if ('email' in action) {
    for (const part of ['subject', 'body'] as const) templateProblem(action.email[part], `${at}/email/${part}`, problems);
    action.email.to.forEach((recipient, index) => {
      if (typeof recipient === 'object' && 'field' in recipient && !isUserLookup(object, recipient.field)) {
        problems.push({ path: `${at}/email/to/${index}/field`, message: `'${recipient.field}' is not a lookup to user on ${object.name}` });
      }
    });
  } else if ('webhook' in action) {
    if (action.webhook.body) templateProblem(action.webhook.body, `${at}/webhook/body`, problems);
  } else {
    const target = metadata.objects.get(action.createRecord.object);
    if (!target) {
      problems.push({ path: `${at}/createRecord/object`, message: `there is no object named '${action.createRecord.object}'` });
      return;
    }
    for (const [name, source] of Object.entries(action.createRecord.values)) {
      const field = target.field(name);
      if (!field || !fieldTypeOf(field).writable) problems.push({ path: `${at}/createRecord/values/${name}`, message: `'${name}' is not a field of ${target.name} that can be set` });
      const compiled = expression(source, `${at}/createRecord/values/${name}`);
      if (compiled) expressions.set(expressionKey(at, name), compiled);
    }
  }
}

/** Handlebars parses lazily: precompiling finds the syntax errors now, when the admin saves. */
function templateProblem(source: string, at: string, problems: ErrorDetail[]): void {
  try {
    Handlebars.precompile(source, { strict: false });
  } catch (error) {
    problems.push({ path: at, message: `is not a valid template: ${(error as Error).message.split('\n')[0]}` });
  }
}
