import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { createRecord, defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { COMPANY_OBJECT, csv, finishPhase, uploadFile, waitForImport } from '../support/import-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { parseCsv } from '../support/permission-fixtures.js';

const PASSWORD = 'a password of the import tests';
const ZH = { 'accept-language': 'zh-CN' };

/** The mapping the tests send for the English file: every column by its field. */
const MAPPING = [
  { column: 'Title', field: 'title' },
  { column: 'Deal code', field: 'code' },
  { column: 'Amount', field: 'amount' },
  { column: 'Close date', field: 'close_date' },
  { column: 'Stage', field: 'stage' },
  { column: 'Active', field: 'active' },
  { column: 'Company', field: 'company' },
];
const HEADER = 'Title,Deal code,Amount,Close date,Stage,Active,Company';

describe('imports: CSV and XLSX files through a dry run and a job', () => {
  let engine: TestEngine;
  let acmeId: string;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, COMPANY_OBJECT);
    await defineObject(engine, {
      name: 'deal',
      label: { en: 'Deal', 'zh-CN': '商机' },
      fields: [
        { name: 'title', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
        { name: 'code', type: 'text', externalId: true, label: { en: 'Deal code', 'zh-CN': '商机编号' } },
        { name: 'amount', type: 'currency', min: 0, label: { en: 'Amount', 'zh-CN': '金额' } },
        { name: 'close_date', type: 'date', label: { en: 'Close date', 'zh-CN': '结束日期' } },
        { name: 'stage', type: 'picklist', label: { en: 'Stage', 'zh-CN': '阶段' }, values: [{ value: 'new', label: { en: 'New', 'zh-CN': '新建' } }, { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }] },
        { name: 'active', type: 'boolean', label: { en: 'Active', 'zh-CN': '有效' } },
        { name: 'company', type: 'lookup', target: 'company', label: { en: 'Company', 'zh-CN': '公司' } },
        { name: 'secret', type: 'text', label: { en: 'Secret', 'zh-CN': '机密' } },
      ],
    });
    acmeId = (await createRecord(engine, 'company', { name: 'Acme', erp_code: 'ERP-1' }))._id;
    await createRecord(engine, 'company', { name: 'Twin' });
    await createRecord(engine, 'company', { name: 'Twin' });
  });
  after(() => engine.stop());

  const deals = async (filter: unknown) => (await listRecords(engine, 'deal', { filter, sort: 'code', limit: 200 })).records;

  it('suggests a mapping from English and Chinese labels, API names and export headers, and remembers the user\'s own choice', async () => {
    const file = csv('Title,商机编号,amount,Close date,阶段,Active,company.erp_code,Notes,Formula', 'One,S-1,1,2017-03-01,New,yes,ERP-1,hello,x');
    const uploaded = await uploadFile(engine, 'deal', 'suggest.csv', file);
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
    expect(uploaded.body).to.include({ object: 'deal', fileName: 'suggest.csv', format: 'csv', total: 1, status: 'uploaded' });
    expect(uploaded.body.preview).to.deep.equal([['One', 'S-1', '1', '2017-03-01', 'New', 'yes', 'ERP-1', 'hello', 'x']]);
    expect(uploaded.body.suggested).to.deep.equal([
      { column: 'Title', field: 'title' },
      { column: '商机编号', field: 'code' },
      { column: 'amount', field: 'amount' },
      { column: 'Close date', field: 'close_date' },
      { column: '阶段', field: 'stage' },
      { column: 'Active', field: 'active' },
      { column: 'company.erp_code', field: 'company', match: 'erp_code' },
    ]);
    const mapping = [...uploaded.body.suggested, { column: 'Notes', field: 'secret' }];
    const checked = await finishPhase(engine, uploaded.body.id, 'check', { mapping, mode: 'insert' });
    expect(checked.status).to.equal('checked');
    expect(checked.progress).to.include({ done: 1, created: 1, failed: 0 });
    const again = await uploadFile(engine, 'deal', 'suggest-again.csv', file);
    expect(again.body.suggested).to.deep.include({ column: 'Notes', field: 'secret' });
    expect(again.body.saved).to.deep.equal({ mode: 'insert', dateOrder: 'MDY', decimalSeparator: '.' });
  });

  it('reads numbers, dates, booleans, picklists and parents in the formats people type', async () => {
    const file = csv(
      HEADER,
      'F1,F-1,"1,234.50",2017-03-01,New,true,Acme',
      'F2,F-2,"1.234,50",3/1/2017,new,false,Acme',
      'F3,F-3,1234.5,2017年3月1日,赢单,是,Acme',
      'F4,F-4,¥ 99,2017/3/1,won,否,Acme',
      'F5,F-5,"(5,000)",03/01/2017,Won,yes,Acme',
      'F6,F-6,7,3/1/2017,,no,',
      'F7,F-7,8,3/1/2017,,1,',
      'F8,F-8,9,3/1/2017,,0,',
    );
    const uploaded = await uploadFile(engine, 'deal', 'formats.csv', file);
    const ran = await finishPhase(engine, uploaded.body.id, 'run', { mapping: MAPPING, mode: 'insert' });
    expect(ran.status).to.equal('done');
    expect(ran.progress).to.include({ done: 8, created: 7, failed: 1 });
    const stored = await deals({ code: { startsWith: 'F-' } });
    expect(stored.map((deal) => [deal.code, deal.amount, deal.close_date, deal.stage ?? null, deal.active, deal.company ?? null])).to.deep.equal([
      ['F-1', 1234.5, '2017-03-01', 'new', true, acmeId],
      ['F-2', 1234.5, '2017-03-01', 'new', false, acmeId],
      ['F-3', 1234.5, '2017-03-01', 'won', true, acmeId],
      ['F-4', 99, '2017-03-01', 'won', false, acmeId],
      ['F-6', 7, '2017-03-01', null, false, null],
      ['F-7', 8, '2017-03-01', null, true, null],
      ['F-8', 9, '2017-03-01', null, false, null],
    ]);
    // (5,000) is -5000: below the field's minimum, so the write path refuses the row.
    const problems = await engine.request('GET', `/api/v1/imports/${uploaded.body.id}/problems`);
    expect(problems.body.problems).to.have.length(1);
    expect(problems.body.problems[0]).to.include({ row: 6, column: 'Amount', value: '(5,000)' });
  });

  it('reads day-first dates and decimal commas when the settings say so', async () => {
    const file = csv('Title,Deal code,Amount,Close date', 'E1,E-1,"1,5",1/3/2017', 'E2,E-2,"1.234,5",31.12.2017');
    const uploaded = await uploadFile(engine, 'deal', 'european.csv', file);
    const mapping = MAPPING.slice(0, 4);
    const ran = await finishPhase(engine, uploaded.body.id, 'run', { mapping, mode: 'insert', dateOrder: 'DMY', decimalSeparator: ',' });
    expect(ran.progress).to.include({ created: 2, failed: 0 });
    expect((await deals({ code: { startsWith: 'E-' } })).map((deal) => [deal.amount, deal.close_date])).to.deep.equal([
      [1.5, '2017-03-01'],
      [1234.5, '2017-12-31'],
    ]);
  });

  it('checks every row in a dry run through the write path, writes nothing, and reports row, column, value and message in the reader\'s language', async () => {
    const file = csv(HEADER, 'Good,D-1,10,2017-03-01,New,yes,Acme', ',D-2,12,2017-03-03,New,no,Acme', 'Bad,D-3,abc,13/45/2017,Lost,maybe,Nobody', 'Twins,D-4,1,2017-03-01,New,yes,Twin', 'Negative,D-5,-1,2017-03-01,New,yes,Acme');
    const uploaded = await uploadFile(engine, 'deal', 'mistakes.csv', file);
    const checked = await finishPhase(engine, uploaded.body.id, 'check', { mapping: MAPPING, mode: 'insert' });
    expect(checked.status).to.equal('checked');
    expect(checked.progress).to.include({ done: 5, created: 1, failed: 4 });
    expect(await deals({ code: { startsWith: 'D-' } })).to.deep.equal([]);
    const report = await engine.request('GET', `/api/v1/imports/${uploaded.body.id}/problems`);
    expect(report.status).to.equal(200);
    const cells = (report.body.problems as { row: number; column: string; value: unknown }[]).map((problem) => [problem.row, problem.column, problem.value]);
    expect(cells).to.deep.equal([
      [3, 'Title', ''],
      [4, 'Amount', 'abc'],
      [4, 'Close date', '13/45/2017'],
      [4, 'Stage', 'Lost'],
      [4, 'Active', 'maybe'],
      [4, 'Company', 'Nobody'],
      [5, 'Company', 'Twin'],
      [6, 'Amount', '-1'],
    ]);
    const messages = (report.body.problems as { message: string }[]).map((problem) => problem.message);
    expect(messages[1]).to.match(/not a number/);
    expect(messages[3]).to.match(/not one of the choices: New, Won/);
    expect(messages[6]).to.match(/more than one company/);
    const chinese = await engine.request('GET', `/api/v1/imports/${uploaded.body.id}/problems`, undefined, ZH);
    expect((chinese.body.problems as { message: string }[]).every((problem) => /[\u4e00-\u9fff]/.test(problem.message)), JSON.stringify(chinese.body.problems)).to.equal(true);
  });

  it('runs as a job, offers the failed rows as a file to fix, and the fixed file writes only them', async () => {
    const file = csv(HEADER, 'R1,R-1,10,2017-03-01,New,yes,Acme', 'R2,R-2,abc,2017-03-01,New,yes,Acme', 'R3,R-3,30,2017-03-01,New,yes,Acme', 'R4,R-4,40,2017-02-30,New,yes,Acme');
    const uploaded = await uploadFile(engine, 'deal', 'mistakes-run.csv', file);
    const ran = await finishPhase(engine, uploaded.body.id, 'run', { mapping: MAPPING, mode: 'insert' });
    expect(ran.status).to.equal('done');
    expect(ran).to.include({ total: 4 });
    expect(ran.progress).to.include({ done: 4, created: 2, failed: 2 });
    expect(ran.progress.rate).to.be.greaterThan(0);
    const errors = await fetch(`${engine.url}/api/v1/imports/${uploaded.body.id}/error-file`, { headers: { authorization: `Bearer ${engine.token}` } });
    expect(errors.status).to.equal(200);
    expect(errors.headers.get('content-disposition')).to.include('mistakes-run-errors.csv');
    const rows = parseCsv((await errors.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).to.deep.equal([...HEADER.split(','), 'Errors']);
    expect(rows.slice(1).map((row) => row.slice(0, 7))).to.deep.equal([
      ['R2', 'R-2', 'abc', '2017-03-01', 'New', 'yes', 'Acme'],
      ['R4', 'R-4', '40', '2017-02-30', 'New', 'yes', 'Acme'],
    ]);
    expect(rows[1]![7]).to.match(/^Amount: .*not a number/);
    expect(rows[2]![7]).to.match(/^Close date: .*not a day of the calendar/);
    // The user fixes the two cells in the error file and imports it again: its Errors column maps to nothing.
    const fixed = csv([...HEADER.split(','), 'Errors'].join(','), ...rows.slice(1).map((row) => [row[0], row[1], row[2] === 'abc' ? '20' : row[2], row[3] === '2017-02-30' ? '2017-02-28' : row[3], row[4], row[5], row[6], `"${row[7]}"`].join(',')));
    const second = await uploadFile(engine, 'deal', 'mistakes-run-errors.csv', fixed);
    expect(second.body.suggested.map((entry: { column: string }) => entry.column)).to.not.include('Errors');
    const rerun = await finishPhase(engine, second.body.id, 'run', { mapping: second.body.suggested, mode: 'insert' });
    expect(rerun.progress).to.include({ created: 2, failed: 0 });
    expect((await deals({ code: { startsWith: 'R-' } })).map((deal) => [deal.code, deal.amount])).to.deep.equal([
      ['R-1', 10],
      ['R-2', 20],
      ['R-3', 30],
      ['R-4', 40],
    ]);
  });

  it('upserts by an external id: the same file imported twice writes no record twice, and finds parents by their external id', async () => {
    const file = csv('Title,Deal code,Amount,company.erp_code', 'U1,U-1,1,ERP-1', 'U2,U-2,2,ERP-1');
    const mapping = [{ column: 'Title', field: 'title' }, { column: 'Deal code', field: 'code' }, { column: 'Amount', field: 'amount' }, { column: 'company.erp_code', field: 'company', match: 'erp_code' }];
    const first = await uploadFile(engine, 'deal', 'upsert.csv', file);
    const once = await finishPhase(engine, first.body.id, 'run', { mapping, mode: 'upsert', externalId: 'code' });
    expect(once.progress).to.include({ created: 2, updated: 0 });
    const changed = await uploadFile(engine, 'deal', 'upsert.csv', csv('Title,Deal code,Amount,company.erp_code', 'U1 renamed,U-1,11,ERP-1', 'U2,U-2,2,ERP-1', 'U3,U-3,3,ERP-1'));
    const twice = await finishPhase(engine, changed.body.id, 'run', { mapping, mode: 'upsert', externalId: 'code' });
    expect(twice.progress).to.include({ created: 1, updated: 2, failed: 0 });
    expect((await deals({ code: { startsWith: 'U-' } })).map((deal) => [deal.code, deal.title, deal.amount, deal.company])).to.deep.equal([
      ['U-1', 'U1 renamed', 11, acmeId],
      ['U-2', 'U2', 2, acmeId],
      ['U-3', 'U3', 3, acmeId],
    ]);
    const unmapped = await engine.request('POST', `/api/v1/imports/${changed.body.id}/check`, { mapping: mapping.slice(0, 1), mode: 'upsert', externalId: 'code' });
    expect(expectError(unmapped, 400).map((detail) => detail.path)).to.deep.equal(['/mapping']);
  });

  it('cancels a run after the batch it is in; a later run goes on and writes no row twice', async function () {
    this.timeout(120_000);
    const lines = Array.from({ length: 6000 }, (_, i) => `C${i},C-${i},${i},2017-03-01,New,yes,Acme`);
    const uploaded = await uploadFile(engine, 'deal', 'big.csv', csv(HEADER, ...lines));
    expect(uploaded.body.total).to.equal(6000);
    const started = await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/run`, { mapping: MAPPING, mode: 'insert' });
    expect(started.status).to.equal(202);
    // The scheduler picks the job up on its own; progress is readable while it runs.
    let view: Record<string, any> = started.body;
    for (let i = 0; i < 2000 && view.progress.done === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      view = (await engine.request('GET', `/api/v1/imports/${uploaded.body.id}`)).body;
    }
    expect(view.status).to.equal('running');
    expect(view.progress.done).to.be.greaterThan(0).and.lessThan(6000);
    const cancelled = await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).to.equal(200);
    expect(cancelled.body.status).to.equal('cancelled');
    const stopped = await waitForImport(engine, uploaded.body.id);
    expect(stopped.status).to.equal('cancelled');
    const written = (await listRecords(engine, 'deal', { filter: { code: { startsWith: 'C-' } }, total: 'true', limit: 1 })).total!;
    expect(written).to.equal(stopped.progress.created).and.lessThan(6000);
    expectError(await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/cancel`), 409, 'import_not_running');
    const resumed = await finishPhase(engine, uploaded.body.id, 'run', { mapping: MAPPING, mode: 'insert' });
    expect(resumed.progress).to.include({ done: 6000, skipped: written, created: 6000 - written, failed: 0 });
    expect((await listRecords(engine, 'deal', { filter: { code: { startsWith: 'C-' } }, total: 'true', limit: 1 })).total).to.equal(6000);
  });

  it('reads an XLSX workbook with typed cells and gives its failed rows back as a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deals');
    sheet.addRow(['标题', '商机编号', '金额', '结束日期', '阶段', '有效', '公司']);
    sheet.addRow(['X1', 'X-1', 1234.5, new Date(Date.UTC(2017, 2, 1)), '赢单', true, 'Acme']);
    sheet.addRow(['X2', 'X-2', 'lots', new Date(Date.UTC(2017, 2, 2)), '新建', false, 'Acme']);
    const uploaded = await uploadFile(engine, 'deal', 'deals.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()), ZH);
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
    expect(uploaded.body.suggested.map((entry: { field: string }) => entry.field)).to.deep.equal(['title', 'code', 'amount', 'close_date', 'stage', 'active', 'company']);
    const ran = await finishPhase(engine, uploaded.body.id, 'run', { mapping: uploaded.body.suggested, mode: 'insert' });
    expect(ran.progress).to.include({ created: 1, failed: 1 });
    expect((await deals({ code: 'X-1' })).map((deal) => [deal.amount, deal.close_date, deal.stage, deal.active])).to.deep.equal([[1234.5, '2017-03-01', 'won', true]]);
    const errors = await fetch(`${engine.url}/api/v1/imports/${uploaded.body.id}/error-file?format=xlsx`, { headers: { authorization: `Bearer ${engine.token}`, ...ZH } });
    expect(errors.headers.get('content-type')).to.include('spreadsheetml');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await errors.arrayBuffer());
    const rows = back.worksheets[0]!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).to.deep.equal(['标题', '商机编号', '金额', '结束日期', '阶段', '有效', '公司', '错误']);
    expect(rows[1]!.slice(0, 3)).to.deep.equal(['X2', 'X-2', 'lots']);
    expect(String(rows[1]![7])).to.match(/^金额: /);
  });

  it('refuses what it cannot read or hold, with the path and a message to act on', async () => {
    expect(expectError(await uploadFile(engine, 'deal', 'deals.pdf', 'x'), 400).map((detail) => detail.path)).to.deep.equal(['/headers/x-file-name']);
    expectError(await uploadFile(engine, 'nothing', 'x.csv', 'a\r\n1\r\n'), 404);
    expect(expectError(await uploadFile(engine, 'deal', 'empty.csv', ''), 400).map((detail) => detail.path)).to.deep.equal(['/file']);
    const uploaded = await uploadFile(engine, 'deal', 'bad-settings.csv', csv(HEADER, 'A,B,1,2017-03-01,New,yes,Acme'));
    const bad = await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/check`, { mapping: [{ column: 'Nope', field: 'title' }, { column: 'Title', field: 'nope' }, { column: 'Amount', field: 'amount', match: 'name' }], mode: 'merge', dateOrder: 'XYZ' });
    expect(expectError(bad, 400).map((detail) => detail.path).sort()).to.deep.equal(['/dateOrder', '/mode']);
    const badMapping = await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/check`, { mapping: [{ column: 'Nope', field: 'title' }, { column: 'Title', field: 'nope' }, { column: 'Amount', field: 'amount', match: 'name' }], mode: 'insert' });
    expect(expectError(badMapping, 400).map((detail) => detail.path).sort()).to.deep.equal(['/mapping/0/column', '/mapping/1/field', '/mapping/2/match']);
    expectError(await engine.request('GET', '/api/v1/imports/000000000000000000000000'), 404);
  });

  describe('as users with fewer rights', () => {
    let readerToken: string;
    let clerkToken: string;

    before(async () => {
      for (const set of [
        { name: 'deal_reader', objects: { deal: { read: true }, company: { read: true } } },
        { name: 'deal_clerk', objects: { deal: { read: true, create: true, edit: true } }, fields: { deal: { secret: { read: true, edit: false } } } },
      ]) {
        expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status, set.name).to.equal(201);
      }
      await createUser(engine, { full_name: 'Rhea Reader', email: 'rhea@example.com', permission_sets: ['standard_user', 'deal_reader'] }, PASSWORD);
      await createUser(engine, { full_name: 'Carl Clerk', email: 'carl@example.com', permission_sets: ['standard_user', 'deal_clerk'] }, PASSWORD);
      readerToken = await tokenFor(engine, 'rhea@example.com', PASSWORD);
      clerkToken = await tokenFor(engine, 'carl@example.com', PASSWORD);
    });

    it('cannot import through it what the user could not write one by one', async () => {
      const file = csv('Title,Secret,Company', 'P1,psst,Acme');
      expectError(await uploadFile(engine, 'deal', 'reader.csv', file, bearer(readerToken)), 403, 'forbidden');
      const uploaded = await uploadFile(engine, 'deal', 'clerk.csv', file, bearer(clerkToken));
      expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
      // A field the clerk may not edit is neither suggested nor accepted.
      expect(uploaded.body.suggested).to.deep.equal([{ column: 'Title', field: 'title' }]);
      const secret = await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/check`, { mapping: [{ column: 'Title', field: 'title' }, { column: 'Secret', field: 'secret' }], mode: 'insert' }, bearer(clerkToken));
      expect(expectError(secret, 403, 'forbidden').map((detail) => detail.path)).to.deep.equal(['/mapping/1/field']);
      // The clerk may not read companies: a column naming them is refused before anything runs.
      const parents = await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/check`, { mapping: [{ column: 'Title', field: 'title' }, { column: 'Company', field: 'company' }], mode: 'insert' }, bearer(clerkToken));
      expectError(parents, 403, 'forbidden');
      // Another user's import is not there for anyone else.
      expectError(await engine.request('GET', `/api/v1/imports/${uploaded.body.id}`), 404);
      const ran = await finishPhase(engine, uploaded.body.id, 'run', { mapping: [{ column: 'Title', field: 'title' }], mode: 'insert' }, bearer(clerkToken));
      expect(ran.progress).to.include({ created: 1 });
      const [written] = await deals({ title: 'P1' });
      expect(written!._createdBy).to.not.equal(engine.adminId);
    });

    it('stops an import whose user lost the right meanwhile, saying why', async () => {
      const uploaded = await uploadFile(engine, 'deal', 'revoked.csv', csv('Title', 'Q1', 'Q2'), bearer(clerkToken));
      const started = await engine.request('POST', `/api/v1/imports/${uploaded.body.id}/run`, { mapping: [{ column: 'Title', field: 'title' }], mode: 'insert' }, bearer(clerkToken));
      expect(started.status).to.equal(202);
      const users = await listRecords(engine, 'user', { filter: { email: 'carl@example.com' } });
      await engine.jobs.stop();
      try {
        const revoked = await engine.request('PATCH', `/api/v1/records/user/${users.records[0]!._id}`, { permission_sets: ['standard_user', 'deal_reader'] });
        expect(revoked.status, JSON.stringify(revoked.body)).to.equal(200);
        const ended = await waitForImport(engine, uploaded.body.id, bearer(clerkToken));
        expect(ended.status).to.equal('failed');
        expect(ended.lastError).to.match(/create/i);
        expect(await deals({ title: { in: ['Q1', 'Q2'] } })).to.deep.equal([]);
      } finally {
        engine.jobs.start();
      }
    });
  });
});
