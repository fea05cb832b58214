import { assign, setup } from 'xstate';
import type { ApprovalProcessDefinition } from '../../schemas/generated/approval-process.js';

/** Where a record's process can end. `returned` is a rejection back to the submitter, as a draft. */
export const END_STATES = ['approved', 'rejected', 'returned', 'recalled'] as const;
export type EndState = (typeof END_STATES)[number];

/** What the runner knows before each event and the machine's guards read: the step conditions, and whether the event decides its step. */
export interface MachineEvent {
  type: 'APPROVE' | 'REJECT' | 'RECALL';
  /** Step name → its condition holds for the record now. */
  conditions: Record<string, boolean>;
  /** With the responses so far, this one completes its step's mode (first, all, quorum). */
  decided: boolean;
}

export interface MachineContext {
  conditions: Record<string, boolean>;
}

/** The hooks the machine asks the runner to run, with where they come from in the definition. */
export interface HookParams {
  on: 'enter' | 'leave' | 'approve' | 'reject' | 'recall';
  step?: string;
}

const gate = (step: string) => `gate__${step}`;

/**
 * The XState machine config of a process as plain JSON (what the studio draws): a gate before each
 * step skips it when its condition is false; a step waits for APPROVE, REJECT or RECALL; the ends
 * are final. Entry and exit run named hooks whose code the runner owns (XState's `setup`).
 */
export function machineConfig(definition: ApprovalProcessDefinition) {
  const steps = definition.steps;
  const next = (index: number) => (index + 1 < steps.length ? gate(steps[index + 1]!.name) : 'approved');
  const states: Record<string, unknown> = {};
  steps.forEach((step, index) => {
    states[gate(step.name)] = { always: [{ guard: { type: 'skipped', params: { step: step.name } }, target: next(index) }, { target: step.name }] };
    states[step.name] = {
      entry: [{ type: 'hook', params: { on: 'enter', step: step.name } }],
      exit: [{ type: 'hook', params: { on: 'leave', step: step.name } }],
      on: {
        APPROVE: [{ guard: 'decided', target: next(index), actions: 'remember' }, { actions: 'remember' }],
        REJECT: [{ guard: 'decided', target: step.onReject === 'final' ? 'rejected' : 'returned', actions: 'remember' }, { actions: 'remember' }],
        RECALL: { target: 'recalled' },
      },
    };
  });
  states.approved = { type: 'final', entry: [{ type: 'hook', params: { on: 'approve' } }] };
  states.rejected = { type: 'final', entry: [{ type: 'hook', params: { on: 'reject' } }] };
  states.returned = { type: 'final', entry: [{ type: 'hook', params: { on: 'reject' } }] };
  states.recalled = { type: 'final', entry: [{ type: 'hook', params: { on: 'recall' } }] };
  return { id: definition.name, initial: gate(steps[0]!.name), states };
}

/** The runnable machine: the JSON config with its guards, context and named actions. */
export function buildMachine(definition: ApprovalProcessDefinition) {
  const config = machineConfig(definition);
  return setup({
    types: {} as { context: MachineContext; events: MachineEvent; input: { conditions: Record<string, boolean> } },
    guards: {
      skipped: ({ context }, params: { step: string }) => context.conditions[params.step] === false,
      decided: ({ event }) => event.decided,
    },
    actions: {
      // The runner executes hooks itself, from the action list the pure transition returns.
      hook: (_args, _params: HookParams) => undefined,
      remember: assign({ conditions: ({ event }) => event.conditions }),
    },
  }).createMachine({
    ...(config as object),
    // XState's pure `transition` makes a throwaway actor of the machine, which computes an initial
    // context without input: reading `input.conditions` threw there, and the TypeError it caught
    // (a stack trace each time) cost every approval event more than its own store reads.
    context: ({ input }: { input?: { conditions: Record<string, boolean> } }) => ({ conditions: input?.conditions ?? {} }),
  } as never);
}

export type ProcessMachine = ReturnType<typeof buildMachine>;
