import { expect } from 'chai';
import { createActor, transition } from 'xstate';
import { buildMachine } from '../../../engine/metadata/approval-processes/process-machine.js';
import type { ApprovalProcessDefinition } from '../../../engine/schemas/generated/approval-process.js';

const definition = {
  name: 'deal_approval',
  object: 'deal',
  steps: [
    { name: 'manager', approvers: [{ type: 'manager' }] },
    { name: 'finance', approvers: [{ type: 'role', role: 'finance' }] },
  ],
} as unknown as ApprovalProcessDefinition;

describe('approval process machine', () => {
  it('starts without input: the throwaway actor XState makes for each pure transition does not fail', () => {
    // No input, as XState creates it (its types ask for one).
    const actor = createActor(buildMachine(definition), {} as never);
    const snapshot = actor.getSnapshot();
    expect(snapshot.status, String(snapshot.error)).to.equal('active');
    expect(snapshot.context).to.deep.equal({ conditions: {} });
  });

  it('moves from step to step with the conditions the event carries', () => {
    const machine = buildMachine(definition);
    const start = createActor(machine, { input: { conditions: { manager: true, finance: true } } }).getSnapshot();
    expect(start.value).to.equal('manager');
    const [next] = transition(machine, start, { type: 'APPROVE', conditions: { manager: true, finance: false }, decided: true });
    expect(next.value, 'the finance step is skipped by its condition').to.equal('approved');
    expect(next.context.conditions).to.deep.equal({ manager: true, finance: false });
  });
});
