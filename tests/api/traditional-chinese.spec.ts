import { expect } from 'chai';
import { createRecord, defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startLoopbackSmtp, type LoopbackSmtp } from '../support/approval-loopback.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import { csv, finishPhase, uploadFile } from '../support/import-helpers.js';
import { parseCsv } from '../support/permission-fixtures.js';

const PASSWORD = 'a reader of traditional chinese';
const MINUTE = 60_000;
/** Characters that exist only in Simplified Chinese, among those the answers below would have. */
const SIMPLIFIED = /[为项须写签约额与个录记户务审华区计资]/;

const CUSTOMER = {
  name: 'customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Customer name', 'zh-CN': '客户名称' } },
    {
      name: 'region',
      type: 'picklist',
      label: { en: 'Region', 'zh-CN': '区域' },
      values: [
        { value: 'north', label: { en: 'North', 'zh-CN': '华北' } },
        { value: 'south', label: { en: 'South', 'zh-CN': '华南' } },
      ],
    },
    { name: 'amount', type: 'currency', min: 0, label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'signed_on', type: 'date', label: { en: 'Signed on', 'zh-CN': '签约日期' } },
  ],
  validationRules: [
    {
      name: 'large_needs_date',
      condition: 'amount > 1000 and $not($exists(signed_on))',
      field: 'signed_on',
      message: { en: 'A large contract needs its signing date', 'zh-CN': '大额合同必须填写签约日期与金额' },
    },
    {
      name: 'south_needs_date',
      condition: 'region = "south" and $not($exists(signed_on))',
      message: { en: 'Customers in the south need a signing date', 'zh-CN': '华南客户需要签约日期', 'zh-TW': '華南客戶請填寫簽約日期' },
    },
  ],
};

/**
 * Traditional Chinese as a language of the server: a zh-TW reader (Accept-Language zh-TW, zh-HK or
 * zh-Hant, or a user whose saved language is zh-TW) gets the platform's messages, the metadata's
 * texts, reports, exports, print-outs and e-mails in Traditional characters, written zh-TW texts
 * as written, and never Simplified ones; record values stay as they were entered.
 */
describe('Traditional Chinese from the server', () => {
  let smtp: LoopbackSmtp;
  let engine: ConfiguredEngine;
  let chen: { id: string; token: string };
  let rep: { id: string; token: string };
  const TW = { 'accept-language': 'zh-TW' };

  before(async () => {
    smtp = await startLoopbackSmtp();
    engine = await startConfiguredEngine({ mail: { smtpUrl: smtp.url, from: 'CRM <crm@example.com>' } });
    expect((await defineObject(engine, CUSTOMER)).status).to.equal(201);
    const grant = { name: 'customer_user', objects: { customer: { create: true, read: true, edit: true } } };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', grant)).status).to.equal(201);
    const sets = ['standard_user', 'customer_user'];
    const chenId = await createUser(engine, { full_name: 'Chen Mei', email: 'chen@example.com', permission_sets: sets, language: 'zh-TW' }, PASSWORD);
    const repId = await createUser(engine, { full_name: 'Rep Rivers', email: 'rep@example.com', permission_sets: sets, language: 'en' }, PASSWORD);
    chen = { id: chenId, token: await tokenFor(engine, 'chen@example.com', PASSWORD) };
    rep = { id: repId, token: await tokenFor(engine, 'rep@example.com', PASSWORD) };
    await createRecord(engine, 'customer', { name: 'Alpha', region: 'north', amount: 100 });
    await createRecord(engine, 'customer', { name: 'Beta', region: 'north', amount: 200 });
    await createRecord(engine, 'customer', { name: '华南贸易', region: 'south', amount: 300, signed_on: '2026-01-05' });
  });
  after(async () => {
    await engine.stop(true);
    await smtp.close();
  });

  const readers: [string, () => Record<string, string>][] = [
    ['Accept-Language: zh-TW', () => TW],
    ['Accept-Language: zh-HK', () => ({ 'accept-language': 'zh-HK,en;q=0.5' })],
    ['Accept-Language: zh-Hant', () => ({ 'accept-language': 'zh-Hant' })],
    ['a saved language of zh-TW', () => bearer(chen.token)],
  ];

  for (const [who, headers] of readers) {
    it(`answers a record missing a required field and with a wrong choice (400) in Traditional characters, for ${who}`, async () => {
      const response = await engine.request('POST', '/api/v1/records/customer', { region: 'west' }, headers());
      const details = expectError(response, 400, 'validation_failed');
      expect(response.headers.get('content-language')).to.equal('zh-TW');
      expect(details.find((detail) => detail.path === '/name')!.message).to.equal('為必填項');
      const region = details.find((detail) => detail.path === '/region')!.message;
      expect(region).to.include('west').and.include('須');
      expect(response.body.error.message).to.include('為必填項').and.include('個');
      for (const text of [response.body.error.message, ...details.map((detail) => detail.message)]) expect(text).to.not.match(SIMPLIFIED);
    });
  }

  it('answers the same write in Simplified characters for zh-CN, in English for en: the codes and paths are the same', async () => {
    const simplified = expectError(await engine.request('POST', '/api/v1/records/customer', {}, { 'accept-language': 'zh-CN' }), 400, 'validation_failed');
    expect(simplified).to.deep.equal([{ path: '/name', message: '为必填项' }]);
    const english = expectError(await engine.request('POST', '/api/v1/records/customer', {}, bearer(rep.token)), 400, 'validation_failed');
    expect(english).to.deep.equal([{ path: '/name', message: 'is required' }]);
  });

  it('gives the validation rules\' messages (422) written in zh-CN converted, and one written in zh-TW as written', async () => {
    const response = await engine.request('POST', '/api/v1/records/customer', { name: 'Gamma', region: 'south', amount: 5000 }, bearer(chen.token));
    expect(expectError(response, 422, 'rule_violated')).to.deep.equal([
      { path: '/signed_on', message: '大額合同必須填寫簽約日期與金額' },
      { path: '', message: '華南客戶請填寫簽約日期' },
    ]);
    expect(response.body.error.message).to.equal('大額合同必須填寫簽約日期與金額（另有 1 個問題）');
    const simplified = await engine.request('POST', '/api/v1/records/customer', { name: 'Gamma', region: 'south', amount: 5000 }, { 'accept-language': 'zh-CN' });
    expect(expectError(simplified, 422, 'rule_violated').map((detail) => detail.message)).to.deep.equal(['大额合同必须填写签约日期与金额', '华南客户需要签约日期']);
    const english = await engine.request('POST', '/api/v1/records/customer', { name: 'Gamma', region: 'south', amount: 5000 }, bearer(rep.token));
    expect(english.body.error.message).to.equal('A large contract needs its signing date (and one more problem)');
    expect((await listRecords(engine, 'customer', { filter: { name: 'Gamma' } })).records, 'nothing stored').to.deep.equal([]);
  });

  it('runs a report in zh-TW: its label, its grouping, the picklist\'s groups, the measures and the total', async () => {
    const report = {
      name: 'by_region',
      label: { en: 'Customers by region', 'zh-CN': '各区域客户' },
      object: 'customer',
      type: 'summary',
      groupings: [{ field: 'region' }],
      measures: [{ aggregate: 'count' }, { aggregate: 'sum', field: 'amount' }],
    };
    expect((await engine.request('POST', '/api/v1/meta/reports', report)).status).to.equal(201);
    const result = (await engine.request('POST', '/api/v1/reports/by_region/run', {}, TW)).body;
    expect(result.report.label).to.equal('各區域客戶');
    expect(result.groupings[0].label).to.equal('區域');
    expect(result.groups.map((group: { label: string }) => group.label)).to.deep.equal(['華北', '華南']);
    expect(result.measures.map((measure: { label: string }) => measure.label)).to.deep.equal(['記錄數', '金額合計']);
  });

  it('exports the report as CSV with its header and total in Traditional characters, for a header or a saved language', async () => {
    const exported = async (headers: Record<string, string>) => {
      const response = await fetch(`${engine.url}/api/v1/reports/by_region/export?format=csv`, { headers: { authorization: `Bearer ${engine.token}`, ...headers } });
      expect(response.headers.get('content-type')).to.match(/^text\/csv/);
      expect(response.status).to.equal(200);
      return parseCsv(await response.text());
    };
    const rows = await exported(TW);
    expect(rows[0]).to.deep.equal(['區域', '記錄數', '金額合計']);
    expect(rows.map((row) => row[0])).to.deep.equal(['區域', '華北', '華南', '總計']);
    expect((await exported({ 'accept-language': 'zh-CN' }))[0]).to.deep.equal(['区域', '记录数', '金额合计']);
    expect((await exported({ authorization: `Bearer ${chen.token}` }))[0], 'the reader\'s saved language').to.deep.equal(['區域', '記錄數', '金額合計']);
  });

  it('maps a file\'s Traditional headers and picklist labels as it maps Simplified ones, and imports it', async () => {
    const file = csv('客戶名稱,區域,金額,簽約日期', '甲公司,華北,100,2026-02-01');
    const uploaded = await uploadFile(engine, 'customer', 'traditional.csv', file, TW);
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
    expect(uploaded.body.suggested).to.deep.equal([
      { column: '客戶名稱', field: 'name' },
      { column: '區域', field: 'region' },
      { column: '金額', field: 'amount' },
      { column: '簽約日期', field: 'signed_on' },
    ]);
    const ran = await finishPhase(engine, uploaded.body.id, 'run', { mapping: uploaded.body.suggested, mode: 'insert' });
    expect(ran.status, JSON.stringify(ran)).to.equal('done');
    const [imported] = (await listRecords(engine, 'customer', { filter: { name: '甲公司' } })).records;
    expect(imported).to.include({ name: '甲公司', region: 'north', amount: 100 });
  });

  it('e-mails a zh-TW approver in Traditional characters and an English one in English, each in the language saved on their record', async () => {
    const process = {
      name: 'customer_review',
      object: 'customer',
      label: { en: 'Customer review', 'zh-CN': '客户审核' },
      steps: [{ name: 'review', approvers: [{ user: chen.id }, { user: rep.id }], reminder: { after: 'PT30M' } }],
    };
    expect((await engine.request('POST', '/api/v1/meta/approval-processes', process)).status).to.equal(201);
    const customer = await createRecord(engine, 'customer', { name: 'Delta', region: 'north', amount: 10 });
    const submitted = await engine.request('POST', `/api/v1/records/customer/${customer._id}/approval/submit`, { process: 'customer_review' });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200);
    const at = new Date(Date.now() + 45 * MINUTE);
    for (let ran = await engine.jobs.runDue(at); ran > 0; ran = await engine.jobs.runDue(at));
    const outbox = (await engine.request('GET', '/api/v1/outbox/email?limit=100')).body.messages as { to: string[]; subject: string; text: string }[];
    const reminders = outbox.filter((message) => message.text.includes(`/records/customer/${customer._id}`));
    const toChen = reminders.find((message) => message.to.includes('chen@example.com'))!;
    const toRep = reminders.find((message) => message.to.includes('rep@example.com'))!;
    expect(toChen.to).to.deep.equal(['chen@example.com']);
    expect(toChen.subject).to.equal('提醒：客戶等待您審批');
    expect(toChen.text).to.include('客戶').and.not.match(SIMPLIFIED);
    expect(toRep.subject).to.equal('Reminder: Customer waiting for your approval');
    const delivered = smtp.received.find((received) => received.envelope.rcptTo.some((rcpt) => rcpt.address === 'chen@example.com'));
    expect(delivered?.mail.subject).to.equal('提醒：客戶等待您審批');
  });

  it('prints a record for a zh-TW reader: the template\'s words, labels and 大寫金額 in Traditional, the record\'s values as entered', async () => {
    const template = {
      name: 'customer_card',
      object: 'customer',
      label: { en: 'Customer card', 'zh-CN': '客户卡片' },
      body: '<h1>客户资料</h1><p class="name">{{label "name"}}：{{record.name}}</p><p class="region">{{field "region"}}</p><p class="capital">{{capitalAmount 23456.7}}</p>{{#if (eq record.name "华南贸易")}}<p class="same">名称相符</p>{{/if}}',
    };
    expect((await engine.request('POST', '/api/v1/meta/print-templates', template)).status).to.equal(201);
    const south = (await listRecords(engine, 'customer', { filter: { name: '华南贸易' } })).records[0]!;
    const printed = async (headers: Record<string, string>): Promise<string> => {
      const response = await fetch(`${engine.url}/api/v1/records/customer/${south._id}/print/customer_card`, { headers: { authorization: `Bearer ${engine.token}`, ...headers } });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/html/);
      return response.text();
    };
    const html = await printed(TW);
    expect(html).to.include('<html lang="zh-TW">').and.include('Noto Sans CJK TC');
    expect(html).to.include('<title>客戶卡片 华南贸易</title>');
    expect(html).to.include('<h1>客戶資料</h1>');
    expect(html).to.include('<p class="name">客戶名稱：华南贸易</p>');
    expect(html).to.include('<p class="region">華南</p>');
    expect(html).to.include('<p class="capital">貳萬參仟肆佰伍拾陸元柒角</p>');
    expect(html, 'a string inside an expression is compared with the value as entered').to.include('<p class="same">名稱相符</p>');
    const simplified = await printed({ 'accept-language': 'zh-CN' });
    expect(simplified).to.include('<h1>客户资料</h1>').and.include('<p class="capital">贰万叁仟肆佰伍拾陆元柒角</p>').and.include('<p class="same">名称相符</p>');
  });
});
