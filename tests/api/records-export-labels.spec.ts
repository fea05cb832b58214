import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { parseCsv } from '../support/permission-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** `labels=true`: an export a person reads, headers and picklist values in their language. */
describe('export of a list with labels in the reader\'s language', () => {
  let engine: TestEngine;

  const exported = async (query: string, language: string) => {
    const response = await fetch(`${engine.url}/api/v1/records/deal/export?${query}`, { headers: { authorization: `Bearer ${engine.token}`, 'accept-language': language } });
    expect(response.status, await response.clone().text()).to.equal(200);
    return response;
  };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'client',
      label: { en: 'Client', 'zh-CN': '客户' },
      fields: [
        { name: 'name', type: 'text', required: true, label: { en: 'Client name', 'zh-CN': '客户名称' } },
        { name: 'sector', type: 'picklist', label: { en: 'Sector', 'zh-CN': '行业' }, values: [{ value: 'energy', label: { en: 'Energy', 'zh-CN': '能源' } }] },
      ],
    });
    await defineObject(engine, {
      name: 'deal',
      label: { en: 'Deal', 'zh-CN': '商机' },
      fields: [
        { name: 'title', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
        { name: 'stage', type: 'picklist', label: { en: 'Stage', 'zh-CN': '阶段' }, values: [{ value: 'won', label: { en: 'Closed won', 'zh-CN': '赢单' } }, 'lost'] },
        { name: 'tags', type: 'multipicklist', label: { en: 'Tags', 'zh-CN': '标签' }, values: [{ value: 'vip', label: { en: 'Key account', 'zh-CN': '大客户' } }, 'new'] },
        { name: 'client', type: 'lookup', target: 'client', label: { en: 'Client', 'zh-CN': '客户' } },
      ],
    });
    const client = await createRecord(engine, 'client', { name: 'Acme', sector: 'energy' });
    await createRecord(engine, 'deal', { title: 'Boiler', stage: 'won', tags: ['vip', 'new'], client: client._id });
  });
  after(() => engine.stop());

  const QUERY = 'fields=title,stage,tags,client,client.sector,_createdAt&lookups=name&labels=true';

  it('names each column by its label and writes picklist labels, in English', async () => {
    const rows = parseCsv(await (await exported(QUERY, 'en')).text());
    expect(rows[0]).to.deep.equal(['ID', 'Title', 'Stage', 'Tags', 'Client', 'Client › Sector', 'Created']);
    expect(rows[1]!.slice(1, 6)).to.deep.equal(['Boiler', 'Closed won', 'Key account;new', 'Acme', 'Energy']);
  });

  it('in Simplified and Traditional Chinese, in the CSV and the workbook alike', async () => {
    const csv = parseCsv(await (await exported(QUERY, 'zh-CN')).text());
    expect(csv[0]).to.deep.equal(['ID', '标题', '阶段', '标签', '客户', '客户 › 行业', '创建时间']);
    expect(csv[1]!.slice(1, 6)).to.deep.equal(['Boiler', '赢单', '大客户;new', 'Acme', '能源']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await exported(`${QUERY}&format=xlsx`, 'zh-TW')).arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).to.deep.equal(['ID', '標題', '階段', '標籤', '客戶', '客戶 › 行業', '建立時間']);
    expect((sheet.getRow(2).values as unknown[]).slice(2, 5)).to.deep.equal(['Boiler', '贏單', '大客戶;new']);
  });

  it('keeps API names and stored values without it, and refuses another value', async () => {
    const rows = parseCsv(await (await exported('fields=title,stage', 'zh-CN')).text());
    expect(rows[0]).to.deep.equal(['_id', 'title', 'stage']);
    expect(rows[1]!.slice(1)).to.deep.equal(['Boiler', 'won']);
    const refused = await engine.request('GET', '/api/v1/records/deal/export?labels=yes');
    expect(expectError(refused, 400, 'validation_failed')).to.deep.equal([{ path: '/labels', message: "must be 'true' or 'false', got 'yes'" }]);
  });
});
