import type { CompiledExpression } from '../../formula/index.js';
import type { ApprovalProcessDefinition, ApprovalStep } from '../../schemas/generated/approval-process.js';
import type { ApprovalAction } from '../../schemas/generated/common.js';
import type { ProcessMachine } from './process-machine.js';

export interface CompiledStep {
  readonly definition: ApprovalStep;
  readonly name: string;
  readonly mode: 'first' | 'all' | 'quorum';
  /** With mode quorum, the approvals needed; 1 with first. */
  readonly quorum: number;
  readonly condition: CompiledExpression | null;
  readonly onReject: 'draft' | 'final';
}

/** An approval process checked against the tenant's metadata, with its expressions compiled and its machine built. */
export interface CompiledProcess {
  readonly definition: ApprovalProcessDefinition;
  readonly name: string;
  readonly object: string;
  readonly active: boolean;
  readonly order: number;
  readonly lock: ProcessLock;
  readonly allowRecall: boolean;
  readonly entryCriteria: CompiledExpression | null;
  readonly steps: readonly CompiledStep[];
  /** Every expression of the actions, by the action object it belongs to. */
  readonly expressions: ReadonlyMap<string, CompiledExpression>;
  readonly machine: ProcessMachine;
}

/** When the process locks its record, and whether the current approvers still edit it (defaults resolved). */
export interface ProcessLock {
  readonly whilePending: boolean;
  readonly afterApproval: boolean;
  readonly approverMayEdit: boolean;
}

/** The key of an action's compiled expression: where the action sits in the definition, and which of its values. */
export function expressionKey(path: string, name = ''): string {
  return `${path}#${name}`;
}

/** The action lists of a definition with the JSON Pointer of each: the runner and the checks walk them alike. */
export function actionLists(definition: ApprovalProcessDefinition): Array<[path: string, actions: readonly ApprovalAction[]]> {
  const lists: Array<[string, readonly ApprovalAction[]]> = [];
  for (const hook of ['onSubmit', 'onApprove', 'onReject', 'onRecall'] as const) {
    if (definition[hook]) lists.push([`/${hook}`, definition[hook]!]);
  }
  definition.steps.forEach((step, index) => {
    for (const hook of ['onEnter', 'onLeave'] as const) if (step[hook]) lists.push([`/steps/${index}/${hook}`, step[hook]!]);
  });
  return lists;
}
