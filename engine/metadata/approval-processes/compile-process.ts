import type { ErrorDetail } from '../../errors/index.js';
import { compileExpression, expressionScope, isCompiled, type CompiledExpression } from '../../formula/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { EXPRESSION_VARIABLES } from '../object-logic.js';
import type { ApprovalProcessDefinition, Approver } from '../../schemas/generated/approval-process.js';
import type { SecurityModel } from '../security/resolved-security.js';
import { checkAction, isUserLookup } from '../actions/check-action.js';
import { actionLists, type CompiledProcess, type CompiledStep, type ProcessLock } from './compiled-process.js';
import { buildMachine } from './process-machine.js';
import { msg } from '../../i18n/message.js';

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
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };
  const scope = expressionScope(object.object, (name) => metadata.objects.get(name)?.object, EXPRESSION_VARIABLES);
  const expression = (source: string, at: string): CompiledExpression | null => {
    const compiled = compileExpression(source, scope, at);
    if (isCompiled(compiled)) return compiled;
    problems.push(...compiled.problems.map(({ path, message }) => ({ path, message })));
    return null;
  };

  const entryCriteria = definition.entryCriteria ? expression(definition.entryCriteria, '/entryCriteria') : null;
  for (const [index, role] of (definition.submitters?.roles ?? []).entries()) {
    if (!metadata.security.roles.has(role)) problems.push({ path: `/submitters/roles/${index}`, message: msg`there is no role named '${role}'` });
  }
  const names = new Set<string>();
  const steps: CompiledStep[] = definition.steps.map((step, index) => {
    const at = `/steps/${index}`;
    if (names.has(step.name)) problems.push({ path: `${at}/name`, message: msg`another step is already named '${step.name}'` });
    names.add(step.name);
    const mode = step.mode ?? 'first';
    if (mode === 'quorum' && step.quorum === undefined) problems.push({ path: `${at}/quorum`, message: msg`is required with mode quorum: how many approvals the step needs` });
    if (mode !== 'quorum' && step.quorum !== undefined) problems.push({ path: `${at}/quorum`, message: msg`only applies to mode quorum` });
    if (step.condition !== undefined && /^\s*false\s*$/.test(step.condition)) {
      problems.push({ path: `${at}/condition`, message: msg`is always false: the step can never be reached; remove it or change its condition` });
    }
    step.approvers.forEach((approver, a) => problems.push(...approverProblems(approver, `${at}/approvers/${a}`, object, metadata)));
    if (step.escalation && 'user' in step.escalation.to && step.escalation.to.user.trim() === '') {
      problems.push({ path: `${at}/escalation/to/user`, message: msg`must name a user` });
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
    actions.forEach((action, index) => checkAction(action, `${path}/${index}`, object, metadata.objects, problems, expressions, expression));
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
      lock: processLock(definition),
      allowRecall: definition.allowRecall ?? true,
      entryCriteria,
      steps,
      expressions,
      machine: buildMachine(definition),
    },
  };
}

/** Salesforce's defaults: locked while pending and once approved; the older lockRecord: false unlocks every stage. */
function processLock(definition: ApprovalProcessDefinition): ProcessLock {
  const locks = definition.lockRecord ?? true;
  return {
    whilePending: definition.lock?.whilePending ?? locks,
    afterApproval: definition.lock?.afterApproval ?? locks,
    approverMayEdit: definition.lock?.approverMayEdit ?? false,
  };
}

function approverProblems(approver: Approver, at: string, object: CompiledObject, metadata: Metadata): ErrorDetail[] {
  if ('role' in approver && !metadata.security.roles.has(approver.role)) return [{ path: `${at}/role`, message: msg`there is no role named '${approver.role}'` }];
  if ('queue' in approver && !metadata.security.groups.has(approver.queue)) return [{ path: `${at}/queue`, message: msg`there is no group named '${approver.queue}'` }];
  if ('field' in approver && !isUserLookup(object, approver.field)) {
    return [{ path: `${at}/field`, message: msg`'${approver.field}' is not a lookup to user on ${object.name}` }];
  }
  return [];
}
