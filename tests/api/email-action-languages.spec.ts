import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

interface Sent {
  to: string[];
  subject: string;
  text: string;
}

/** An e-mail action written in several languages: each recipient reads the one saved on their user record. */
describe('e-mail actions in each recipient\'s language', () => {
  let engine: TestEngine;
  const users: Record<string, string> = {};
  const sent = async (about: string): Promise<Sent[]> =>
    ((await engine.request('GET', '/api/v1/outbox/email')).body.messages as Sent[]).filter((message) => message.text.includes(about));

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'subject', type: 'text', required: true }] });
    for (const [key, language] of [['english', 'en'], ['simplified', 'zh-CN'], ['traditional', 'zh-TW'], ['unsaid', undefined]] as const) {
      const created = await engine.request('POST', '/api/v1/records/user', { full_name: key, email: `${key}@example.com`, ...(language ? { language } : {}) });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      users[key] = created.body._id;
    }
    const rule = await engine.request('POST', '/api/v1/meta/automation-rules', {
      name: 'ticket_alert',
      label: { en: 'Ticket alert', 'zh-CN': '工单提醒' },
      object: 'ticket',
      condition: 'true',
      actions: [
        {
          email: {
            to: Object.values(users).map((user) => ({ user })),
            subject: 'New ticket: {{subject}}',
            body: '{{process}} about {{subject}}',
            translations: { 'zh-CN': { subject: '新工单：{{subject}}', body: '{{process}}：关于{{subject}}' } },
          },
        },
      ],
    });
    expect(rule.status, JSON.stringify(rule.body)).to.equal(201);
  });
  after(() => engine.stop());

  it('sends one e-mail per language: the translation, Simplified converted for Traditional readers, the action\'s own text for the rest', async () => {
    await createRecord(engine, 'ticket', { subject: '打印机坏了' });
    const messages = await sent('打印机坏了');
    expect(messages).to.have.length(3);
    const to = (address: string) => messages.find((message) => message.to.includes(address));
    expect(to('english@example.com')).to.deep.include({ to: ['english@example.com', 'unsaid@example.com'], subject: 'New ticket: 打印机坏了', text: 'Ticket alert about 打印机坏了' });
    expect(to('simplified@example.com')).to.deep.include({ to: ['simplified@example.com'], subject: '新工单：打印机坏了', text: '工单提醒：关于打印机坏了' });
    // The template is converted, the record's value goes in as it was written.
    expect(to('traditional@example.com')).to.deep.include({ to: ['traditional@example.com'], subject: '新工單：打印机坏了', text: '工單提醒：關於打印机坏了' });
  });

  it('refuses a translation without its body, naming where', async () => {
    const response = await engine.request('POST', '/api/v1/meta/automation-rules', {
      name: 'half_written',
      object: 'ticket',
      condition: 'true',
      actions: [{ email: { to: ['owner'], subject: 'Hello', body: 'Hi', translations: { 'zh-CN': { subject: '你好' } } } }],
    });
    const details = expectError(response, 400, 'validation_failed');
    expect(details).to.deep.include({ path: '/actions/0/email/translations/zh-CN/body', message: 'is required' });
  });
});
