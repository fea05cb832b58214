import { expect } from 'chai';
import { checkDefinition } from '../../engine/metadata/definition-validator.js';
import type { AutomationRuleDefinition } from '../../studio/src/app/setup/automation/automation-rule-definition';
import { automationRuleDefinitionOf, automationRuleDraftOf, automationRuleErrors, durationOf, offsetOf } from '../../studio/src/app/setup/automation/automation-rule-draft';
import { assignmentDefinitionOf, assignmentDraftOf, assignmentErrors, type AssignmentRuleDefinition } from '../../studio/src/app/setup/assignment/assignment-rule-draft';

const TIMED: readonly AutomationRuleDefinition[] = [
  {
    name: 'remind_before_due',
    object: 'invoice',
    on: 'time',
    condition: "status = 'open'",
    time: { field: 'due_date', before: 'P3D', at: '09:00', timeZone: 'Asia/Shanghai' },
    runAs: 'u42',
    actions: [{ setField: 'reminded', value: true }],
  },
  { name: 'breach', object: 'case', on: 'time', time: { field: 'sla_target', after: 'PT4H' }, actions: [{ setField: 'breached', value: true }] },
  { name: 'at_due', object: 'case', on: 'time', time: { field: 'due' }, actions: [{ setField: 'breached', value: true }] },
  {
    name: 'dunning',
    object: 'invoice',
    on: 'schedule',
    schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], at: '09:00', filter: { status: { eq: 'overdue' } } },
    actions: [{ setField: 'dunning_level', expression: 'dunning_level + 1' }],
  },
  {
    name: 'convert_lead',
    object: 'lead',
    on: 'button',
    actions: [{ convert: { create: [{ as: 'account', object: 'account', values: { name: 'company' } }], links: { converted_account: 'account' } } }, { setField: 'status', value: 'converted' }],
  },
];

describe('studio: time-based, scheduled and button rules, and assignment rules, in their editors', () => {
  for (const rule of TIMED) {
    it(`keeps ${rule.name} as it was written through its draft, valid against the schema`, () => {
      const again = automationRuleDefinitionOf(automationRuleDraftOf(rule));
      expect(again).to.deep.equal(rule);
      expect(checkDefinition('automationRule', again).ok).to.equal(true);
    });
  }

  it('reads an offset in the largest whole unit and writes it back as a duration', () => {
    expect(offsetOf('P3D')).to.deep.equal({ amount: 3, unit: 'D' });
    expect(offsetOf('P1DT12H')).to.deep.equal({ amount: 36, unit: 'H' });
    expect(offsetOf('PT90M')).to.deep.equal({ amount: 90, unit: 'M' });
    expect([durationOf(3, 'D'), durationOf(4, 'H'), durationOf(30, 'M')]).to.deep.equal(['P3D', 'PT4H', 'PT30M']);
  });

  it('puts the server\'s problems of a trigger and a conversion on their controls', () => {
    const draft = automationRuleDraftOf(TIMED[4]!);
    const { controls, form } = automationRuleErrors(
      [
        { path: '/time/field', message: 'not a date' },
        { path: '/time/timeZone', message: 'no zone' },
        { path: '/schedule/filter/status', message: 'unknown' },
        { path: '/runAs', message: 'only timed' },
        { path: '/actions/0/convert/create/0/links/account', message: 'no record' },
      ],
      draft,
    );
    expect(Object.keys(controls).sort()).to.deep.equal(['actions.0.conversion', 'runAs', 'scheduleFilter', 'timeField', 'timeZone']);
    expect(form).to.deep.equal([]);
  });

  const ROUTING: AssignmentRuleDefinition = {
    name: 'case_routing',
    label: { en: 'Case routing', 'zh-CN': '工单分配' },
    object: 'case',
    order: 2,
    entries: [
      { condition: "region = 'east'", assignTo: { roundRobin: 'east_team' } },
      { condition: "region = 'west'", assignTo: { queue: 'west_queue' } },
      { assignTo: { user: 'u42' } },
    ],
  };

  it('keeps an assignment rule as it was written through its draft, valid against the schema', () => {
    const again = assignmentDefinitionOf(assignmentDraftOf(ROUTING));
    expect(again).to.deep.equal(ROUTING);
    expect(checkDefinition('assignmentRule', again).ok).to.equal(true);
  });

  it('puts the server\'s problems of an assignment rule on its entries', () => {
    const { controls } = assignmentErrors([
      { path: '/entries/0/assignTo/roundRobin', message: 'no group' },
      { path: '/entries/1/condition', message: 'does not compile' },
      { path: '/entries/2/assignTo/user', message: 'no user' },
      { path: '/object', message: 'no object' },
    ]);
    expect(controls).to.deep.equal({ 'entries.0.group': ['no group'], 'entries.1.condition': ['does not compile'], 'entries.2.user': ['no user'], object: ['no object'] });
  });
});
