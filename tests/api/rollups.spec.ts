import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;

interface Line {
  amount?: number;
  status: 'open' | 'closed';
  shipped_on?: string;
}

const INVOICE_ROLLUPS = [
  { name: 'line_count', type: 'rollup', child: 'invoice_line', function: 'count' },
  { name: 'open_count', type: 'rollup', child: 'invoice_line', function: 'count', filter: { status: 'open' } },
  { name: 'amount_total', type: 'rollup', child: 'invoice_line', function: 'sum', field: 'amount' },
  { name: 'open_total', type: 'rollup', child: 'invoice_line', relationship: 'invoice', function: 'sum', field: 'amount', filter: { status: 'open' } },
  { name: 'smallest', type: 'rollup', child: 'invoice_line', function: 'min', field: 'amount' },
  { name: 'largest', type: 'rollup', child: 'invoice_line', function: 'max', field: 'amount' },
  { name: 'largest_open', type: 'rollup', child: 'invoice_line', function: 'max', field: 'amount', filter: { status: 'open' } },
  { name: 'last_shipped', type: 'rollup', child: 'invoice_line', function: 'max', field: 'shipped_on' },
];

/** What each roll-up of INVOICE_ROLLUPS must hold for these lines; min and max of nothing are absent. */
function expectedRollups(lines: Line[]): Record<string, unknown> {
  const cents = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value * 100, 0)) / 100;
  const open = lines.filter((line) => line.status === 'open');
  const amounts = (of: Line[]) => of.flatMap((line) => (line.amount === undefined ? [] : [line.amount]));
  const shipped = lines.flatMap((line) => (line.shipped_on === undefined ? [] : [line.shipped_on])).sort();
  const optional = (name: string, value: unknown) => (value === undefined ? {} : { [name]: value });
  return {
    line_count: lines.length,
    open_count: open.length,
    amount_total: cents(amounts(lines)),
    open_total: cents(amounts(open)),
    ...optional('smallest', amounts(lines).length ? Math.min(...amounts(lines)) : undefined),
    ...optional('largest', amounts(lines).length ? Math.max(...amounts(lines)) : undefined),
    ...optional('largest_open', amounts(open).length ? Math.max(...amounts(open)) : undefined),
    ...optional('last_shipped', shipped.at(-1)),
  };
}

describe('roll-up summary fields', () => {
  let engine: TestEngine;
  let customer: Record<string, any>;
  const get = async (object: string, id: string) => {
    const response = await engine.request('GET', records(object, id));
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as Record<string, any>;
  };
  const patch = async (object: string, id: string, body: Record<string, unknown>) => {
    const response = await engine.request('PATCH', records(object, id), body);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as Record<string, any>;
  };
  const remove = async (object: string, id: string) => expect((await engine.request('DELETE', records(object, id))).status).to.equal(204);
  const restore = async (object: string, id: string) => {
    const response = await engine.request('POST', `/api/v1/recycle-bin/${object}/${id}/restore`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
  };
  const addField = (object: string, field: Record<string, unknown>) => engine.request('POST', `/api/v1/meta/objects/${object}/fields`, field);
  /** The invoice's roll-up values, only those INVOICE_ROLLUPS define. */
  const rollupsOf = async (invoiceId: string) => {
    const invoice = await get('invoice', invoiceId);
    return Object.fromEntries(INVOICE_ROLLUPS.filter((field) => invoice[field.name] !== undefined).map((field) => [field.name, invoice[field.name]]));
  };
  const newInvoice = async (title: string, of = customer) => createRecord(engine, 'invoice', { title, customer: of._id });
  const newLine = async (invoice: Record<string, any>, line: Line) => createRecord(engine, 'invoice_line', { invoice: invoice._id, ...line });

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'customer', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'invoice',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'customer', type: 'masterdetail', target: 'customer' },
      ],
    });
    await defineObject(engine, {
      name: 'invoice_line',
      fields: [
        { name: 'invoice', type: 'masterdetail', target: 'invoice' },
        { name: 'amount', type: 'currency' },
        { name: 'status', type: 'picklist', values: ['open', 'closed'], default: 'open' },
        { name: 'shipped_on', type: 'date' },
        { name: 'note', type: 'text' },
        { name: 'approved', type: 'boolean' },
        { name: 'related_customer', type: 'lookup', target: 'customer' },
      ],
    });
    for (const field of INVOICE_ROLLUPS) {
      const added = await addField('invoice', field);
      expect(added.status, JSON.stringify(added.body)).to.equal(201);
    }
    for (const field of [
      { name: 'invoiced', type: 'rollup', child: 'invoice', function: 'sum', field: 'amount_total' },
      { name: 'largest_invoice', type: 'rollup', child: 'invoice', function: 'max', field: 'amount_total' },
    ]) {
      expect((await addField('customer', field)).status).to.equal(201);
    }
    customer = await createRecord(engine, 'customer', { name: 'Main customer' });
  });
  after(async () => {
    await engine.stop();
  });

  describe('kept correct in the unit of work of every detail change', () => {
    it('counts 0 and sums 0 on a master without details, with no min or max', async () => {
      const invoice = await newInvoice('Empty');
      expect(await rollupsOf(invoice._id)).to.deep.equal(expectedRollups([]));
    });

    it('recomputes count, sum, min and max, with and without a filter, on every detail created', async () => {
      const invoice = await newInvoice('Created');
      const lines: Line[] = [
        { amount: 120, status: 'open', shipped_on: '2030-02-01' },
        { amount: 35.5, status: 'closed', shipped_on: '2030-03-15' },
        { status: 'open' },
        { amount: 500, status: 'closed' },
        { amount: -20, status: 'open', shipped_on: '2029-12-31' },
      ];
      for (let i = 0; i < lines.length; i++) {
        await newLine(invoice, lines[i]!);
        expect(await rollupsOf(invoice._id), `after line ${i + 1}`).to.deep.equal(expectedRollups(lines.slice(0, i + 1)));
      }
    });

    const updates: { does: string; from: Line; change: Record<string, unknown>; to: Line }[] = [
      { does: 'the summed field changes', from: { amount: 10, status: 'open' }, change: { amount: 75 }, to: { amount: 75, status: 'open' } },
      { does: 'the summed field is cleared', from: { amount: 10, status: 'open' }, change: { amount: null }, to: { status: 'open' } },
      { does: 'a filter field moves the detail out of the filter', from: { amount: 10, status: 'open' }, change: { status: 'closed' }, to: { amount: 10, status: 'closed' } },
      { does: 'a filter field moves the detail into the filter', from: { amount: 10, status: 'closed' }, change: { status: 'open' }, to: { amount: 10, status: 'open' } },
      { does: 'a date summarized by max changes', from: { status: 'open', shipped_on: '2030-01-01' }, change: { shipped_on: '2031-06-30' }, to: { status: 'open', shipped_on: '2031-06-30' } },
    ];
    for (const { does, from, change, to } of updates) {
      it(`recomputes when ${does}`, async () => {
        const invoice = await newInvoice(does);
        const other: Line = { amount: 40, status: 'open', shipped_on: '2030-05-05' };
        await newLine(invoice, other);
        const line = await newLine(invoice, from);
        expect(await rollupsOf(invoice._id)).to.deep.equal(expectedRollups([other, from]));

        await patch('invoice_line', line._id, change);
        expect(await rollupsOf(invoice._id)).to.deep.equal(expectedRollups([other, to]));
      });
    }

    it('leaves the roll-ups as they were when a field no roll-up reads changes', async () => {
      const invoice = await newInvoice('Untouched');
      const line = await newLine(invoice, { amount: 15, status: 'open' });
      const before = await get('invoice', invoice._id);
      await patch('invoice_line', line._id, { note: 'irrelevant' });
      expect(await get('invoice', invoice._id)).to.deep.equal(before);
    });

    it('recomputes both masters when a detail moves from one to the other', async () => {
      const from = await newInvoice('Moved from');
      const to = await newInvoice('Moved to');
      const stays: Line = { amount: 5, status: 'open' };
      const moves: Line = { amount: 95, status: 'open', shipped_on: '2030-09-09' };
      const already: Line = { amount: 1, status: 'closed' };
      await newLine(from, stays);
      const moving = await newLine(from, moves);
      await newLine(to, already);

      await patch('invoice_line', moving._id, { invoice: to._id });

      expect(await rollupsOf(from._id)).to.deep.equal(expectedRollups([stays]));
      expect(await rollupsOf(to._id)).to.deep.equal(expectedRollups([already, moves]));
    });

    it('drops a deleted detail from the roll-ups and counts it again once restored', async () => {
      const invoice = await newInvoice('Delete and restore');
      const kept: Line = { amount: 30, status: 'open' };
      const binned: Line = { amount: 70, status: 'open', shipped_on: '2030-07-07' };
      await newLine(invoice, kept);
      const line = await newLine(invoice, binned);

      await remove('invoice_line', line._id);
      expect(await rollupsOf(invoice._id)).to.deep.equal(expectedRollups([kept]));
      await restore('invoice_line', line._id);
      expect(await rollupsOf(invoice._id)).to.deep.equal(expectedRollups([kept, binned]));
    });

    it('recomputes the empty master when its last detail is deleted', async () => {
      const invoice = await newInvoice('Emptied');
      const line = await newLine(invoice, { amount: 12, status: 'open', shipped_on: '2030-01-01' });
      await remove('invoice_line', line._id);
      expect(await rollupsOf(invoice._id)).to.deep.equal(expectedRollups([]));
    });
  });

  describe('a roll-up of roll-ups, two levels up', () => {
    it("follows a detail's change up to the grand-master", async () => {
      const owner = await createRecord(engine, 'customer', { name: 'Nested' });
      const first = await newInvoice('Nested A', owner);
      const second = await newInvoice('Nested B', owner);
      await newLine(first, { amount: 100, status: 'open' });
      const line = await newLine(second, { amount: 250, status: 'open' });
      expect(await get('customer', owner._id)).to.include({ invoiced: 350, largest_invoice: 250 });

      await patch('invoice_line', line._id, { amount: 50 });
      expect(await get('customer', owner._id)).to.include({ invoiced: 150, largest_invoice: 100 });
      await patch('invoice_line', line._id, { invoice: first._id });
      expect(await get('customer', owner._id)).to.include({ invoiced: 150, largest_invoice: 150 });
    });

    it('recomputes both grand-masters when a master moves from one to the other', async () => {
      const from = await createRecord(engine, 'customer', { name: 'Loses an invoice' });
      const to = await createRecord(engine, 'customer', { name: 'Gains an invoice' });
      const moving = await newInvoice('Moving invoice', from);
      await newLine(moving, { amount: 60, status: 'open' });
      await newLine(await newInvoice('Staying invoice', from), { amount: 15, status: 'open' });

      await patch('invoice', moving._id, { customer: to._id });
      expect(await get('customer', from._id)).to.include({ invoiced: 15, largest_invoice: 15 });
      expect(await get('customer', to._id)).to.include({ invoiced: 60, largest_invoice: 60 });
    });

    it('drops a master deleted with its details from the grand-master, and brings it back on restore', async () => {
      const owner = await createRecord(engine, 'customer', { name: 'Cascade' });
      const kept = await newInvoice('Cascade kept', owner);
      const binned = await newInvoice('Cascade binned', owner);
      await newLine(kept, { amount: 10, status: 'open' });
      await newLine(binned, { amount: 20, status: 'open' });
      await newLine(binned, { amount: 22, status: 'closed' });
      expect(await get('customer', owner._id)).to.include({ invoiced: 52, largest_invoice: 42 });

      await remove('invoice', binned._id);
      expect(await get('customer', owner._id)).to.include({ invoiced: 10, largest_invoice: 10 });
      await restore('invoice', binned._id);
      expect(await get('customer', owner._id)).to.include({ invoiced: 52, largest_invoice: 42 });
      expect(await rollupsOf(binned._id)).to.deep.equal(expectedRollups([{ amount: 20, status: 'open' }, { amount: 22, status: 'closed' }]));
    });
  });

  describe('exactness', () => {
    it('sums currency 0.1 + 0.2 to exactly 0.3', async () => {
      const invoice = await newInvoice('Decimals');
      await newLine(invoice, { amount: 0.1, status: 'open' });
      await newLine(invoice, { amount: 0.2, status: 'open' });
      expect((await get('invoice', invoice._id)).amount_total).to.equal(0.3);
    });

    it('sums roll-ups of 0.1 and 0.2 to exactly 0.3 on the grand-master', async () => {
      const owner = await createRecord(engine, 'customer', { name: 'Decimal owner' });
      await newLine(await newInvoice('Tenth', owner), { amount: 0.1, status: 'open' });
      await newLine(await newInvoice('Fifth', owner), { amount: 0.2, status: 'open' });
      expect((await get('customer', owner._id)).invoiced).to.equal(0.3);
    });

    it('counts exactly after 20 concurrent detail creates on one master', async () => {
      const invoice = await newInvoice('Concurrent');
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => engine.request('POST', records('invoice_line'), { invoice: invoice._id, amount: i + 1, status: 'open' })),
      );
      expect(responses.map((response) => response.status)).to.deep.equal(Array(20).fill(201));
      expect(await get('invoice', invoice._id)).to.include({ line_count: 20, open_count: 20, amount_total: 210, smallest: 1, largest: 20 });
    });
  });

  describe('defining a roll-up', () => {
    it('computes a roll-up added to an object with existing data for every master', async () => {
      await defineObject(engine, { name: 'project', fields: [{ name: 'name', type: 'text', required: true }] });
      await defineObject(engine, {
        name: 'task',
        fields: [
          { name: 'project', type: 'masterdetail', target: 'project' },
          { name: 'hours', type: 'number', scale: 1 },
          { name: 'done', type: 'boolean' },
        ],
      });
      const tasks: Record<string, { hours: number; done: boolean }[]> = {
        Alpha: [{ hours: 2, done: true }, { hours: 3.5, done: false }, { hours: 1, done: true }],
        Beta: [{ hours: 8, done: false }],
        Gamma: [],
      };
      const projects: Record<string, string> = {};
      for (const [name, list] of Object.entries(tasks)) {
        projects[name] = (await createRecord(engine, 'project', { name }))._id;
        for (const task of list) await createRecord(engine, 'task', { project: projects[name], ...task });
      }

      expect((await addField('project', { name: 'done_hours', type: 'rollup', child: 'task', function: 'sum', field: 'hours', filter: { done: true } })).status).to.equal(201);
      expect((await addField('project', { name: 'task_count', type: 'rollup', child: 'task', function: 'count' })).status).to.equal(201);

      for (const [name, list] of Object.entries(tasks)) {
        const done = list.filter((task) => task.done).reduce((sum, task) => sum + task.hours, 0);
        expect(await get('project', projects[name]!), name).to.include({ done_hours: done, task_count: list.length });
      }
    });

    it("recomputes every master when a roll-up's filter changes", async () => {
      const response = await engine.request('PATCH', '/api/v1/meta/objects/project/fields/done_hours', { filter: { done: false } });
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      const projects = (await engine.request('GET', `${records('project')}?sort=name`)).body.records as Record<string, any>[];
      expect(projects.map((project) => [project.name, project.done_hours])).to.deep.equal([
        ['Alpha', 3.5],
        ['Beta', 8],
        ['Gamma', 0],
      ]);
    });

    const refusals: { does: string; field: Record<string, unknown>; path: string }[] = [
      { does: 'a child with no master-detail field pointing here', field: { child: 'invoice_line', function: 'count' }, path: 'child' },
      { does: 'a child object that does not exist', field: { child: 'no_such_object', function: 'count' }, path: 'child' },
      { does: 'a relationship that is a plain lookup', field: { child: 'invoice_line', relationship: 'related_customer', function: 'count' }, path: 'relationship' },
      { does: 'a sum of a text field', field: { child: 'invoice', function: 'sum', field: 'title' }, path: 'field' },
      { does: 'a max of a boolean field', field: { child: 'invoice', function: 'max', field: 'customer' }, path: 'field' },
      { does: 'a field the child does not have', field: { child: 'invoice', function: 'sum', field: 'no_such_field' }, path: 'field' },
      { does: 'a sum without a field', field: { child: 'invoice', function: 'sum' }, path: 'field' },
    ];
    for (const { does, field, path } of refusals) {
      it(`refuses ${does} (400) and leaves the object as it was`, async () => {
        const before = (await engine.request('GET', '/api/v1/meta/objects/customer')).body;
        const details = expectError(await addField('customer', { name: 'refused', type: 'rollup', ...field }), 400);
        expect(details.map((detail) => detail.path.split('/').at(-1))).to.deep.equal([path]);
        expect((await engine.request('GET', '/api/v1/meta/objects/customer')).body).to.deep.equal(before);
      });
    }

    it('refuses a roll-up written by a client, on create and on update (400)', async () => {
      const refused = await engine.request('POST', records('invoice'), { title: 'Forged', customer: customer._id, amount_total: 1000 });
      expect(expectError(refused, 400).map((detail) => detail.path)).to.deep.equal(['/amount_total']);
      const invoice = await newInvoice('Honest');
      const patched = await engine.request('PATCH', records('invoice', invoice._id), { line_count: 3, amount_total: null });
      expect(expectError(patched, 400).map((detail) => detail.path).sort()).to.deep.equal(['/amount_total', '/line_count']);
      expect(await get('invoice', invoice._id)).to.deep.equal(invoice);
    });
  });

  it('lets lists filter and sort by a roll-up, since it is stored', async () => {
    const owner = await createRecord(engine, 'customer', { name: 'Sorted' });
    const amounts = [300, 100, 200];
    for (const amount of amounts) await newLine(await newInvoice(`Sorted ${amount}`, owner), { amount, status: 'open' });
    const filter = encodeURIComponent(JSON.stringify({ customer: owner._id, amount_total: { gte: 150 } }));
    const response = await engine.request('GET', `${records('invoice')}?filter=${filter}&sort=-amount_total`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.records.map((record: { amount_total: number }) => record.amount_total)).to.deep.equal([300, 200]);
  });
});
