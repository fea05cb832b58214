import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** The first sheet of an exported workbook: its rows of cell values, without exceljs' leading hole. */
async function sheetRows(engine: TestEngine, query: string): Promise<{ rows: unknown[][]; response: Response }> {
  const response = await fetch(`${engine.url}/api/v1/records/order/export?${query}`, { headers: { authorization: `Bearer ${engine.token}` } });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.clone().arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { rows, response };
}

describe('export of a list as XLSX: typed cells, parents by name', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'client', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'order',
      label: { en: 'Order', 'zh-CN': '订单' },
      pluralLabel: { en: 'Orders', 'zh-CN': '订单' },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'currency' },
        { name: 'quantity', type: 'number' },
        { name: 'due', type: 'date' },
        { name: 'paid', type: 'boolean' },
        { name: 'client', type: 'lookup', target: 'client' },
        { name: 'tags', type: 'multipicklist', values: ['a', 'b'] },
      ],
    });
    const client = await createRecord(engine, 'client', { name: 'Acme, Inc.' });
    await createRecord(engine, 'order', { title: '=SUM(A1)', amount: 1234.5, quantity: 3, due: '2017-03-01', paid: true, client: client._id, tags: ['a', 'b'] });
    await createRecord(engine, 'order', { title: 'Second', amount: 10 });
  });
  after(() => engine.stop());

  it('writes numbers, amounts, dates and booleans as typed cells and parents as their names', async () => {
    const { rows, response } = await sheetRows(engine, 'format=xlsx&lookups=name&fields=title,amount,quantity,due,paid,client,tags&sort=title');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.include('spreadsheetml');
    expect(response.headers.get('content-disposition')).to.include('order.xlsx');
    expect(rows[0]).to.deep.equal(['_id', 'title', 'amount', 'quantity', 'due', 'paid', 'client', 'tags']);
    const [, title, amount, quantity, due, paid, client, tags] = rows[1]!;
    // A text that looks like a formula is a text cell: never run.
    expect(title).to.equal('=SUM(A1)');
    expect(amount).to.equal(1234.5);
    expect(quantity).to.equal(3);
    expect(due).to.be.instanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).to.equal('2017-03-01');
    expect(paid).to.equal(true);
    expect(client).to.equal('Acme, Inc.');
    expect(tags).to.equal('a;b');
    expect(rows[2]!.slice(1, 3)).to.deep.equal(['Second', 10]);
  });

  it('refuses an unknown format as JSON, before anything is sent', async () => {
    const response = await engine.request('GET', '/api/v1/records/order/export?format=pdf');
    expect(expectError(response, 400).map((detail) => detail.path)).to.deep.equal(['/format']);
    const badFilter = await engine.request('GET', '/api/v1/records/order/export?format=xlsx&filter={"nope":1}');
    expectError(badFilter, 400);
  });
});
