import { expect } from 'chai';
import { listRecords } from '../support/api-helpers.js';
import { purchasingDepartment, type Person } from '../support/approval-fixtures.js';
import { envelopeRecipients, headerAddresses, startLoopbackReceiver, startLoopbackSmtp, type LoopbackReceiver, type LoopbackSmtp } from '../support/approval-loopback.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import type { TestResponse } from '../support/test-engine.js';

const approval = (id: string) => `/api/v1/records/purchase_request/${id}/approval`;
const ok = (response: TestResponse, status = 200) => {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  return response.body;
};

/** What a process does on the way: e-mails rendered from Handlebars templates, webhooks, follow-up records. */
describe('approval processes: actions reaching the outside world', () => {
  let smtp: LoopbackSmtp;
  let receiver: LoopbackReceiver;
  let engine: ConfiguredEngine;
  let people: Record<'requester' | 'manager' | 'cfo', Person>;
  /** A request of the requester, submitted to `notify_approval` and approved by the manager with a comment; returns its id. */
  const approvedRequest = async (title: string, amount: number) => {
    const id = ok(await people.requester.as('POST', '/api/v1/records/purchase_request', { title, amount }), 201)._id as string;
    ok(await people.requester.as('POST', `${approval(id)}/submit`, { process: 'notify_approval' }));
    expect(ok(await people.manager.as('POST', `${approval(id)}/approve`, { comment: '同意，请尽快下单。' })).status).to.equal('approved');
    return id;
  };
  const mailsAbout = (title: string) => smtp.received.filter((received) => received.mail.subject?.includes(title));

  before(async () => {
    smtp = await startLoopbackSmtp();
    receiver = await startLoopbackReceiver();
    engine = await startConfiguredEngine({
      mail: { smtpUrl: smtp.url, from: 'Approvals <approvals@crm.example>' },
      http: { rateLimits: { loginPerMinute: 10_000, apiPerMinute: 1_000_000 } },
    });
    people = await purchasingDepartment(engine);
    ok(
      await engine.request('POST', '/api/v1/meta/objects', {
        name: 'follow_up_task',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'request', type: 'lookup', target: 'purchase_request' },
          { name: 'amount', type: 'number' },
        ],
      }),
      201,
    );
    ok(
      await engine.request('POST', '/api/v1/meta/approval-processes', {
        name: 'notify_approval',
        object: 'purchase_request',
        label: { en: 'Purchase approval', 'zh-CN': '采购审批' },
        steps: [
          {
            name: 'manager',
            label: { en: 'Manager', 'zh-CN': '经理审批' },
            approvers: [{ submitterManager: true }],
            onEnter: [{ email: { to: ['approvers'], subject: '待审批：{{title}}', body: '{{record.title}} 等待您在 {{step}} 步骤审批。{{link}}' } }],
          },
        ],
        onApprove: [
          {
            email: {
              to: ['submitter', { user: people.cfo.id }],
              subject: '采购申请「{{title}}」已批准',
              body: '您好！\n采购申请「{{record.title}}」（金额 ¥{{amount}}）已在「{{step}}」步骤获批。\n审批意见：{{comment}}\n{{#if (lookup record "amount")}}请财务跟进付款。{{/if}}\n{{link}}',
            },
          },
          { webhook: { url: `${receiver.url}/hooks/approved`, body: '{"event":"approved","id":"{{_id}}","title":"{{title}}","amount":{{amount}},"process":"{{process}}","comment":"{{comment}}"}' } },
          { createRecord: { object: 'follow_up_task', values: { title: '"跟进：" & title', request: '_id', amount: 'amount * 2' } } },
          { setField: 'status', value: 'approved' },
        ],
      }),
      201,
    );
  });
  after(async () => {
    await engine.stop(true);
    await receiver.close();
    await smtp.close();
  });

  it('e-mails the approvers of the step entered, and on approval the submitter and a named user, in Chinese, through SMTP', async () => {
    const id = await approvedRequest('笔记本电脑', 12000);
    expect(await engine.jobs.runDue()).to.be.at.least(2);

    const [asked, ...moreAsked] = mailsAbout('待审批：笔记本电脑');
    expect(moreAsked).to.deep.equal([]);
    expect(envelopeRecipients(asked!)).to.deep.equal(['manager@example.com']);
    expect(asked!.mail.text?.trim()).to.equal(`笔记本电脑 等待您在 manager 步骤审批。/records/purchase_request/${id}`);

    const [done, ...moreDone] = mailsAbout('采购申请「笔记本电脑」已批准');
    expect(moreDone).to.deep.equal([]);
    expect(envelopeRecipients(done!).sort()).to.deep.equal(['cfo@example.com', 'requester@example.com']);
    expect(headerAddresses(done!.mail.to).sort()).to.deep.equal(['cfo@example.com', 'requester@example.com']);
    expect(done!.mail.from?.value).to.deep.equal([{ name: 'Approvals', address: 'approvals@crm.example' }]);
    expect(done!.mail.subject).to.equal('采购申请「笔记本电脑」已批准');
    expect(done!.mail.text?.trim()).to.equal(
      `您好！\n采购申请「笔记本电脑」（金额 ¥12000）已在「manager」步骤获批。\n审批意见：同意，请尽快下单。\n请财务跟进付款。\n/records/purchase_request/${id}`,
    );
  });

  it('calls a webhook on loopback with the rendered JSON body', async () => {
    const id = await approvedRequest('服务器 R740', 80000);
    await engine.jobs.runDue();
    const calls = receiver.calls.filter((call) => call.body.includes(id));
    expect(calls).to.have.length(1);
    expect(calls[0]!.path).to.equal('/hooks/approved');
    expect(calls[0]!.headers['content-type']).to.equal('application/json');
    expect(JSON.parse(calls[0]!.body)).to.deep.equal({ event: 'approved', id, title: '服务器 R740', amount: 80000, process: 'Purchase approval', comment: '同意，请尽快下单。' });
  });

  it('creates the follow-up record after the approval, with a lookup back to the request', async () => {
    const id = await approvedRequest('打印机', 3500);
    const { records } = await listRecords(engine, 'follow_up_task', { filter: { request: id } });
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ title: '跟进：打印机', request: id, amount: 7000 });
    expect(ok(await people.requester.as('GET', `/api/v1/records/purchase_request/${id}`)).status).to.equal('approved');
    // Only the approval creates it: a request still pending has none.
    const pending = ok(await people.requester.as('POST', '/api/v1/records/purchase_request', { title: '扫描仪', amount: 900 }), 201)._id as string;
    ok(await people.requester.as('POST', `${approval(pending)}/submit`, { process: 'notify_approval' }));
    expect((await listRecords(engine, 'follow_up_task', { filter: { request: pending } })).records).to.deep.equal([]);
  });
});
