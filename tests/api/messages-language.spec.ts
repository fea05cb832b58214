import { expect } from 'chai';
import { CATALOGUES } from '../../engine/i18n/catalogue.js';
import { enqueueJob } from '../../engine/jobs/index.js';
import { queueEmail } from '../../engine/mail/index.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { captureConsoleErrors } from '../support/console-capture.js';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const PASSWORD = 'a long enough user password';
const ZH = CATALOGUES['zh-CN'];
const CJK = /[\u4e00-\u9fff]/;

interface ErrorBody {
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

/** The error of an answer, with the status, to compare the same request in two languages. */
function errorOf(response: TestResponse): { status: number } & ErrorBody {
  expect(response.body?.error, JSON.stringify(response.body)).to.be.an('object');
  return { status: response.status, ...(response.body.error as ErrorBody) };
}

describe('messages in the language of the request or of the user', () => {
  let engine: TestEngine;
  let deal: Record<string, any>;
  let repToken: string;
  let chineseToken: string;
  let traditionalToken: string;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      label: { en: 'Deal', 'zh-CN': '商机' },
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 20 },
        { name: 'amount', type: 'number', min: 0 },
        { name: 'stage', type: 'picklist', values: ['new', 'won'] },
      ],
    });
    deal = await createRecord(engine, 'deal', { title: 'First', amount: 5 });
    const grant = { name: 'deal_user', objects: { deal: { create: true, read: true, edit: true } } };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', grant)).status).to.equal(201);
    const sets = ['standard_user', 'deal_user'];
    await createUser(engine, { full_name: 'Rep Rivers', email: 'rep@example.com', permission_sets: sets }, PASSWORD);
    await createUser(engine, { full_name: 'Li Lei', email: 'li@example.com', permission_sets: sets, language: 'zh-CN' }, PASSWORD);
    await createUser(engine, { full_name: 'Chen Mei', email: 'chen@example.com', permission_sets: sets, language: 'zh-TW' }, PASSWORD);
    repToken = await tokenFor(engine, 'rep@example.com', PASSWORD);
    chineseToken = await tokenFor(engine, 'li@example.com', PASSWORD);
    traditionalToken = await tokenFor(engine, 'chen@example.com', PASSWORD);
  });
  after(() => engine.stop());

  /** Bad requests from every part of the engine: validation, filters, records, metadata, approvals, security, routing, parsing. */
  const badRequests: { what: string; send: (headers: Record<string, string>) => Promise<TestResponse> }[] = [
    { what: 'a record missing a required field, with values of the wrong type', send: (h) => engine.request('POST', '/api/v1/records/deal', { amount: 'lots', stage: 'lost', color: 'red' }, h) },
    { what: 'a record with a value out of range and a text too long', send: (h) => engine.request('PATCH', `/api/v1/records/deal/${deal._id}`, { title: 'x'.repeat(30), amount: -1 }, h) },
    { what: 'a filter on an unknown operator', send: (h) => engine.request('GET', `/api/v1/records/deal?filter=${encodeURIComponent(JSON.stringify({ amount: { like: 3 } }))}`, undefined, h) },
    { what: 'a stale version', send: (h) => engine.request('PATCH', `/api/v1/records/deal/${deal._id}`, { amount: 7 }, { ...h, 'if-match': '"99"' }) },
    { what: 'a record that does not exist', send: (h) => engine.request('GET', '/api/v1/records/deal/0123456789abcdef01234567', undefined, h) },
    { what: 'an object with a bad definition', send: (h) => engine.request('POST', '/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'subject', type: 'text', maxLength: -3 }] }, h) },
    { what: 'an unknown approval action', send: (h) => engine.request('POST', `/api/v1/records/deal/${deal._id}/approval/archive`, {}, h) },
    { what: 'a change to the setup by a user who is not an administrator', send: (h) => engine.request('POST', '/api/v1/meta/objects', { name: 'ticket' }, { ...h, ...bearer(repToken) }) },
    { what: 'a request without credentials', send: (h) => engine.request('GET', '/api/v1/records/deal', undefined, { ...h, authorization: '' }) },
    { what: 'an unknown route', send: (h) => engine.request('GET', '/api/v1/nowhere', undefined, h) },
    { what: 'a body that is not JSON', send: (h) => engine.request('POST', '/api/v1/records/deal', '{"title": ', { ...h, 'content-type': 'application/json' }) },
  ];

  for (const { what, send } of badRequests) {
    it(`answers ${what} with the same code and paths in English and in Chinese, each message in its language`, async () => {
      const en = errorOf(await send({ 'accept-language': 'en' }));
      const zh = errorOf(await send({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' }));
      expect(en.status).to.be.within(400, 499);
      expect(zh.status).to.equal(en.status);
      expect(zh.code).to.equal(en.code);
      expect(zh.details.map((detail) => detail.path)).to.deep.equal(en.details.map((detail) => detail.path));
      for (const text of [en.message, ...en.details.map((detail) => detail.message)]) expect(text).to.not.match(CJK);
      for (const text of [zh.message, ...zh.details.map((detail) => detail.message)]) expect(text, JSON.stringify(zh)).to.match(CJK);
    });
  }

  it('renders a detail from the catalogue: the English template, and its Chinese translation', async () => {
    const en = expectError(await engine.request('POST', '/api/v1/records/deal', { amount: 1 }, { 'accept-language': 'en' }), 400, 'validation_failed');
    const zh = expectError(await engine.request('POST', '/api/v1/records/deal', { amount: 1 }, { 'accept-language': 'zh-CN' }), 400, 'validation_failed');
    expect(en).to.deep.equal([{ path: '/title', message: 'is required' }]);
    expect(zh).to.deep.equal([{ path: '/title', message: ZH['is required'] }]);
  });

  it('puts labels into a message in the message\'s language', async () => {
    const missing = '/api/v1/records/deal/0123456789abcdef01234567';
    const en = await engine.request('GET', missing, undefined, { 'accept-language': 'en' });
    const zh = await engine.request('GET', missing, undefined, { 'accept-language': 'zh-CN' });
    expect(en.body.error.message).to.equal("There is no Deal record with id '0123456789abcdef01234567'.");
    expect(zh.body.error.message).to.include('商机').and.not.include('Deal');
  });

  it('answers a user whose saved language is zh-CN in Chinese when the request names no language, and follows a header that does', async () => {
    const bad = { amount: 1 };
    const saved = await engine.request('POST', '/api/v1/records/deal', bad, bearer(chineseToken));
    expect(expectError(saved, 400, 'validation_failed')).to.deep.equal([{ path: '/title', message: ZH['is required'] }]);
    expect(saved.headers.get('content-language')).to.equal('zh-CN');
    const asked = await engine.request('POST', '/api/v1/records/deal', bad, { ...bearer(chineseToken), 'accept-language': 'en-GB' });
    expect(expectError(asked, 400, 'validation_failed')).to.deep.equal([{ path: '/title', message: 'is required' }]);
    const english = await engine.request('POST', '/api/v1/records/deal', bad, bearer(repToken));
    expect(expectError(english, 400, 'validation_failed')).to.deep.equal([{ path: '/title', message: 'is required' }]);
  });

  it('answers a user whose saved language is zh-TW in Traditional Chinese', async () => {
    const response = await engine.request('POST', '/api/v1/records/deal', { amount: 1 }, bearer(traditionalToken));
    expect(expectError(response, 400, 'validation_failed')).to.deep.equal([{ path: '/title', message: '為必填項' }]);
    expect(response.headers.get('content-language')).to.equal('zh-TW');
  });

  it('refuses a saved language it does not speak, naming the choices', async () => {
    const response = await engine.request('POST', '/api/v1/records/user', { full_name: 'Hans', email: 'hans@example.com', language: 'de' });
    const details = expectError(response, 400, 'validation_failed');
    expect(details[0]).to.include({ path: '/language' });
    expect(details[0]!.message).to.include('zh-TW');
  });

  it('lists a job\'s failure, written by the engine, in the reader\'s language', async () => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const kind = 'test.nobody_handles_this';
    await tenant.store.unitOfWork((tx) => enqueueJob(tx, { kind, dueAt: new Date(), payload: {} }));
    const errors = captureConsoleErrors();
    try {
      for (let hours = 0; hours <= 8; hours++) await engine.jobs.runDue(new Date(Date.now() + hours * 3_600_000));
    } finally {
      errors.restore();
    }
    const en = await engine.request('GET', `/api/v1/jobs?kind=${kind}`, undefined, { 'accept-language': 'en' });
    const zh = await engine.request('GET', `/api/v1/jobs?kind=${kind}`, undefined, { 'accept-language': 'zh-CN' });
    expect(en.body.jobs).to.have.length(1);
    expect(en.body.jobs[0]).to.include({ status: 'failed' });
    expect(en.body.jobs[0].lastError).to.equal(`No handler is registered for job kind '${kind}'; register one with registerJobHandler('${kind}', handler) at start-up.`);
    expect(zh.body.jobs[0].lastError).to.match(CJK).and.include(kind);
    expect(zh.body.jobs[0]).to.not.have.property('lastErrorMessage');
  });

  it('lists the outbox\'s note on an e-mail it could not send in the reader\'s language', async () => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const id = await tenant.store.unitOfWork((tx) => queueEmail(tx, { to: ['li@example.com'], subject: 'Hello', text: 'Hi', reason: 'language test' }));
    await engine.jobs.runDue();
    const noteIn = async (language: string): Promise<string> => {
      const response = await engine.request('GET', '/api/v1/outbox/email', undefined, { 'accept-language': language });
      const message = response.body.messages.find((candidate: { _id: string }) => candidate._id === id);
      expect(message).to.not.have.property('noteMessage');
      return message.note;
    };
    expect(await noteIn('en')).to.equal('Not sent: no SMTP server is configured (SMTP_URL). The message stays in the outbox.');
    expect(await noteIn('zh-CN')).to.match(CJK).and.include('SMTP_URL');
  });

  describe('admin messages name the fix', () => {
    it('lists the field types and the nearest one for an unknown field type', async () => {
      for (const [path, body] of [
        ['/api/v1/meta/objects', { name: 'ticket', fields: [{ name: 'due', type: 'dat' }] }],
        ['/api/v1/meta/objects/deal/fields', { name: 'due', type: 'dat' }],
      ] as const) {
        const details = expectError(await engine.request('POST', path, body), 400, 'validation_failed');
        const detail = details.find((candidate) => candidate.path.endsWith('/type'))!;
        expect(detail.message, JSON.stringify(details)).to.include("did you mean 'date'?");
        for (const type of ['text', 'number', 'currency', 'picklist', 'lookup', 'masterdetail', 'formula', 'rollup']) expect(detail.message).to.include(type);
        const zh = expectError(await engine.request('POST', path, body, { 'accept-language': 'zh-CN' }), 400, 'validation_failed');
        expect(zh.find((candidate) => candidate.path.endsWith('/type'))!.message).to.match(CJK).and.include("'date'");
      }
    });

    it('says to give a label as { "en": …, "zh-CN": … } when it is a plain string', async () => {
      const details = expectError(await engine.request('POST', '/api/v1/meta/objects', { name: 'ticket', label: 'Ticket', fields: [{ name: 'subject', type: 'text', label: 'Subject' }] }), 400, 'validation_failed');
      expect(details.map((detail) => detail.path)).to.deep.equal(['/label', '/fields/0/label']);
      expect(details[0]!.message).to.include('{ "en": "Ticket", "zh-CN": "…" }');
      expect(details[1]!.message).to.include('{ "en": "Subject", "zh-CN": "…" }');
    });

    it('says to put a Chinese API name in the label, suggesting an ASCII name from the English label', async () => {
      const body = { name: '工单', fields: [{ name: '客户名称', type: 'text', label: { en: 'Customer name' } }] };
      const details = expectError(await engine.request('POST', '/api/v1/meta/objects', body), 400, 'validation_failed');
      const [object, field] = [details.find((detail) => detail.path === '/name')!, details.find((detail) => detail.path === '/fields/0/name')!];
      expect(object.message).to.include('{ "zh-CN": "工单" }').and.include('pinyin');
      expect(field.message).to.include('{ "zh-CN": "客户名称" }').and.include("'customer_name'");
      const zh = expectError(await engine.request('POST', '/api/v1/meta/objects', body, { 'accept-language': 'zh-CN' }), 400, 'validation_failed');
      expect(zh.find((detail) => detail.path === '/fields/0/name')!.message).to.include('标签').and.include("'customer_name'");
    });
  });
});
