import { expect } from 'chai';
import { checkDefinition } from '../../engine/metadata/definition-validator.js';
import type { AutomationRuleDefinition } from '../../studio/src/app/setup/automation/automation-rule-definition';
import { lastChanges } from '../../studio/src/app/setup/automation/automation-queries';
import {
  automationRuleDefinitionOf,
  automationRuleDraftOf,
  automationRuleErrors,
  emptyAction,
  newRuleDraft,
  withActive,
  type AutomationRuleDraft,
} from '../../studio/src/app/setup/automation/automation-rule-draft';

/** Every shape of action the schema allows, as a script would write it. */
const EVERY_ACTION: AutomationRuleDefinition = {
  name: 'big_order',
  label: { en: 'Big order', 'zh-CN': '大额订单' },
  description: 'Escalate big orders',
  object: 'order',
  active: false,
  order: 3,
  on: 'update',
  condition: 'amount > 1000',
  actions: [
    { setField: 'priority', value: 'high' },
    { setField: 'score', expression: 'amount / 100' },
    { setField: 'note', value: null },
    {
      email: {
        to: ['owner', 'submitter', { user: 'u42' }, { field: 'account_manager' }],
        subject: 'Big order {{name}}',
        body: 'Amount: {{amount}}',
        translations: { 'zh-CN': { subject: '大额订单 {{name}}', body: '金额：{{amount}}' } },
      },
    },
    { webhook: { url: 'https://hooks.example.com/orders', body: '{"id": "{{_id}}"}' } },
    { webhook: { url: 'http://127.0.0.1:9/plain' } },
    { createRecord: { object: 'task', values: { title: "'Call ' & name", about: '_id' } } },
  ],
};

describe('web app: automation rule editor', () => {
  it('reads every kind of action back unchanged, and what it saves passes the engine’s schema', () => {
    const saved = automationRuleDefinitionOf(automationRuleDraftOf(EVERY_ACTION));
    expect(saved).to.deep.equal(EVERY_ACTION);
    expect(checkDefinition('automationRule', saved)).to.include({ ok: true });
  });

  it('saves "when an order goes above 1000, set priority to high" with only what differs from the defaults', () => {
    const draft: AutomationRuleDraft = {
      ...newRuleDraft('order'),
      labelEn: ' Big order ',
      name: 'big_order',
      condition: ' amount > 1000 ',
      actions: [{ type: 'setField', field: 'priority', mode: 'value', value: 'high', expression: '' }],
    };
    const saved = automationRuleDefinitionOf(draft);
    expect(saved).to.deep.equal({ name: 'big_order', label: { en: 'Big order' }, object: 'order', condition: 'amount > 1000', actions: [{ setField: 'priority', value: 'high' }] });
    expect(checkDefinition('automationRule', saved)).to.include({ ok: true });
  });

  it('sends a field update without a value as clearing it, and an expression instead of a value when asked', () => {
    const base = { type: 'setField' as const, field: 'note', expression: 'name' };
    const actions = (mode: 'value' | 'expression' | 'clear', value?: unknown) => automationRuleDefinitionOf({ ...newRuleDraft('order'), name: 'r', actions: [{ ...base, mode, value }] }).actions;
    expect(actions('value', '')).to.deep.equal([{ setField: 'note', value: null }]);
    expect(actions('clear', 'kept')).to.deep.equal([{ setField: 'note', value: null }]);
    expect(actions('expression', 'ignored')).to.deep.equal([{ setField: 'note', expression: 'name' }]);
    expect(actions('value', false)).to.deep.equal([{ setField: 'note', value: false }]);
  });

  it('leaves out created-record values without a field, and a webhook body left blank', () => {
    const saved = automationRuleDefinitionOf({
      ...newRuleDraft('order'),
      name: 'r',
      actions: [
        { type: 'createRecord', object: 'task', values: [{ field: 'title', expression: ' name ' }, { field: undefined, expression: 'x' }] },
        { type: 'webhook', url: ' https://x.example ', body: '  ' },
      ],
    });
    expect(saved.actions).to.deep.equal([{ createRecord: { object: 'task', values: { title: 'name' } } }, { webhook: { url: 'https://x.example' } }]);
  });

  it('saves only the languages an admin wrote an e-mail in', () => {
    const draft = automationRuleDraftOf(EVERY_ACTION);
    const email = draft.actions[3]!;
    if (email.type !== 'email') throw new Error('the fourth action is the e-mail');
    const edited = { ...email, translations: { en: { subject: ' ', body: '' }, 'zh-CN': { subject: '', body: '' }, 'zh-TW': { subject: '大額訂單', body: '金額' } } };
    const saved = automationRuleDefinitionOf({ ...draft, actions: draft.actions.map((action, i) => (i === 3 ? edited : action)) });
    expect(saved.actions[3]).to.deep.include({ email: { ...(EVERY_ACTION.actions[3] as { email: object }).email, translations: { 'zh-TW': { subject: '大額訂單', body: '金額' } } } });
    const none = automationRuleDefinitionOf({ ...draft, actions: draft.actions.map((action, i) => (i === 3 ? { ...email, translations: {} } : action)) });
    expect(none.actions[3]).to.not.have.nested.property('email.translations');
  });

  it('starts each action type empty, so switching type keeps nothing of the old action', () => {
    expect(emptyAction('email')).to.deep.equal({ type: 'email', to: [], subject: '', body: '', translations: {} });
    expect(emptyAction('createRecord')).to.deep.equal({ type: 'createRecord', object: undefined, values: [] });
    expect(emptyAction('setField')).to.include({ type: 'setField', mode: 'value', field: undefined });
  });

  it('switches a rule on or off from the list without changing anything else of it', () => {
    const { active: _off, ...on } = EVERY_ACTION;
    expect(withActive(EVERY_ACTION, true)).to.deep.equal(on);
    expect(withActive({ ...EVERY_ACTION, active: undefined }, false)).to.deep.equal(EVERY_ACTION);
  });

  it('puts the server’s problems on the control that caused them, actions by their place in the list', () => {
    const draft = automationRuleDraftOf(EVERY_ACTION);
    const { controls, form } = automationRuleErrors(
      [
        { path: '/condition', message: 'bad condition' },
        { path: '/label/zh-CN', message: 'too long' },
        { path: '/actions/0/setField', message: 'no such field' },
        { path: '/actions/1/expression', message: 'bad expression' },
        { path: '/actions/0/value', message: 'not a value' },
        { path: '/actions/3/email/to/3/field', message: 'not a user lookup' },
        { path: '/actions/3/email/subject', message: 'bad template' },
        { path: '/actions/3/email/translations/zh-TW/body', message: 'bad translated template' },
        { path: '/actions/4/webhook/url', message: 'bad url' },
        { path: '/actions/6/createRecord/values/about', message: 'bad value' },
        { path: '/actions/6/createRecord/values', message: 'title is required' },
        { path: '/actions/6/createRecord/values/missing', message: 'not a field' },
        { path: '/actions/2', message: 'give either value or expression' },
        { path: '/actions', message: 'too many' },
      ],
      draft,
    );
    expect(controls).to.deep.equal({
      condition: ['bad condition'],
      labelZh: ['too long'],
      'actions.0.field': ['no such field'],
      'actions.1.expression': ['bad expression'],
      'actions.0.value': ['not a value'],
      'actions.3.to': ['not a user lookup'],
      'actions.3.subject': ['bad template'],
      'actions.3.translations.zh-TW.body': ['bad translated template'],
      'actions.4.url': ['bad url'],
      'actions.6.values.1.expression': ['bad value'],
      'actions.6.object': ['title is required', 'not a field'],
      'actions.2.type': ['give either value or expression'],
    });
    expect(form).to.deep.equal(['/actions: too many']);
  });

  it('dates each rule by its newest change in the metadata history, ignoring other kinds', () => {
    const changes = lastChanges([
      { kind: 'automationRule', name: 'big_order', at: '2026-12-05T10:00:00Z' },
      { kind: 'sharingRule', name: 'welcome', at: '2026-12-05T09:30:00Z' },
      { kind: 'automationRule', name: 'welcome', at: '2026-12-05T09:00:00Z' },
      { kind: 'automationRule', name: 'big_order', at: '2026-12-04T10:00:00Z' },
    ]);
    expect([...changes]).to.deep.equal([
      ['big_order', '2026-12-05T10:00:00Z'],
      ['welcome', '2026-12-05T09:00:00Z'],
    ]);
  });
});
