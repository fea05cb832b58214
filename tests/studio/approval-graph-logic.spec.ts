import { expect } from 'chai';
import { machineConfig } from '../../engine/metadata/approval-processes/process-machine';
import type { ApprovalProcessDefinition, ApprovalStep, Approver as EngineApprover } from '../../engine/schemas/generated/approval-process';
import { stepDraft, stepOf } from '../../studio/src/app/setup/approval-processes/step-draft';
import { approverDraft, approverOf, type Approver } from '../../studio/src/app/setup/approval-processes/approver-draft';
import { highlightedIds, processGraph, START_NODE, type MachineConfigJson } from '../../studio/src/app/setup/approval-processes/process-graph';

const definition: ApprovalProcessDefinition = {
  name: 'bigDeals',
  object: 'deal',
  steps: [
    { name: 'manager', approvers: [{ submitterManager: true }] },
    { name: 'cfo', condition: 'amount > 100000', approvers: [{ role: 'cfo' }], onReject: 'final' },
    { name: 'finance', approvers: [{ role: 'finance' }] },
  ],
};

describe('web app: approval process diagram', () => {
  const machine = JSON.parse(JSON.stringify(machineConfig(definition))) as MachineConfigJson;
  const graph = processGraph(machine);
  const edge = (source: string, target: string) => graph.edges.find((item) => item.source === source && item.target === target);

  it('draws the steps and the ends, and folds the engine gates into arrows', () => {
    expect(graph.nodes.map((node) => node.id)).to.have.members([START_NODE, 'manager', 'cfo', 'finance', 'approved', 'rejected', 'returned', 'recalled']);
    expect(graph.nodes.some((node) => node.id.startsWith('gate__'))).to.equal(false);
    expect(edge(START_NODE, 'manager')?.kind).to.equal('approve');
    expect(edge('manager', 'cfo')?.kind).to.equal('approve');
  });

  it('draws a skip arrow past a conditional step and the reject arrow each step chooses', () => {
    expect(edge('manager', 'finance')?.kind).to.equal('skip');
    expect(edge('cfo', 'rejected')?.kind).to.equal('reject');
    expect(edge('manager', 'returned')?.kind).to.equal('reject');
    expect(edge('finance', 'approved')?.kind).to.equal('approve');
  });

  it('lights up the visited steps and the arrows between them, each of which exists in the diagram', () => {
    for (const path of [['manager', 'cfo', 'finance', 'approved'], ['manager', 'finance', 'approved']]) {
      const lit = highlightedIds(path);
      expect([...lit.nodes]).to.deep.equal([START_NODE, ...path]);
      expect(lit.edges.size).to.equal(path.length);
      for (const id of lit.edges) expect(graph.edges.map((item) => item.id)).to.include(id);
    }
    expect(highlightedIds(['manager', 'finance', 'approved']).nodes.has('cfo')).to.equal(false);
    expect(highlightedIds([]).nodes.size).to.equal(0);
  });
});

describe('web app: approval step approvers', () => {
  const stored: Approver[] = [{ user: 'u7' }, { role: 'cfo' }, { submitterManager: true }, { field: 'owner' }, { queue: 'finance' }];

  it('edits each kind of approver the engine accepts and writes it back unchanged', () => {
    expect(stored.map((approver) => approverDraft(approver).kind)).to.deep.equal(['user', 'role', 'manager', 'field', 'group']);
    // Typed as the engine's Approver too, so the studio's copy of the type cannot drift from the schema.
    const engine: EngineApprover[] = stored.map((approver) => approverOf(approverDraft(approver)));
    expect(engine).to.deep.equal(stored);
  });

  it('stores a group as the engine queue and trims what was typed', () => {
    expect(approverOf({ kind: 'group', value: ' finance ' })).to.deep.equal({ queue: 'finance' });
    expect(approverOf({ kind: 'manager', value: 'ignored' })).to.deep.equal({ submitterManager: true });
  });
});

describe('web app: approval step panel', () => {
  it('writes back a fully set step unchanged, as the engine type', () => {
    const step: ApprovalStep = {
      name: 'cfo',
      label: { en: 'CFO', 'zh-CN': '首席财务官' },
      condition: 'amount > 100000',
      approvers: [{ role: 'cfo' }],
      mode: 'quorum',
      quorum: 2,
      reminder: { after: 'P1D' },
      escalation: { after: 'P3D', to: { user: 'u9' } },
      onReject: 'final',
    };
    const written: ApprovalStep = stepOf(stepDraft(step)) as ApprovalStep;
    expect(written).to.deep.equal(step);
  });

  it('leaves out what was not set, so the engine defaults apply, and escalates to managers without a user', () => {
    const draft = { ...stepDraft({ name: 'manager', approvers: [{ submitterManager: true }] }), quorum: 3, escalationAfter: 'P2D' };
    expect(stepOf(draft)).to.deep.equal({ name: 'manager', approvers: [{ submitterManager: true }], escalation: { after: 'P2D', to: { manager: true } } });
  });
});
