import { expect } from 'chai';
import { createRecord, defineObject, listRecords } from '../support/api-helpers.js';
import { addPerson, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** A Northwind-like order line, as the test means it: amounts in cents, the discount of its order in per cent. */
interface Line {
  quantity: number;
  unitCents: number;
}

/** A line's extended price in cents: quantity × unit price less the order's discount (values chosen to stay whole cents). */
const extendedCents = (line: Line, discount: number) => (line.quantity * line.unitCents * (100 - discount)) / 100;
const toAmount = (cents: number) => cents / 100;

/**
 * Stored values that formulas read (roll-ups, values set by approvals and automation) recompute
 * those formulas in the same unit of work, whatever wrote them, and what derives from them follows:
 * customers ← orders ← order lines, with a formula at each level reading the level below.
 */
describe('formulas reading roll-ups and other stored values stay current', () => {
  let engine: TestEngine;
  let approver: Person;
  let customer: Record<string, any>;

  const get = async (object: string, id: string) => {
    const response = await engine.request('GET', `/api/v1/records/${object}/${id}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as Record<string, any>;
  };
  const ok = async (method: string, path: string, body?: unknown, status = 200) => {
    const response = await engine.request(method, path, body);
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body;
  };
  const newOrder = async (values: Record<string, unknown> = {}, of = customer) => createRecord(engine, 'sales_order', { customer: of._id, freight: 0, ...values });
  const newLine = async (order: Record<string, any>, line: Line) =>
    createRecord(engine, 'order_line', { sales_order: order._id, quantity: line.quantity, unit_price: toAmount(line.unitCents) });

  /** What an order must show for its live lines, computed here in whole cents. */
  const expectOrder = async (orderId: string, lines: Line[], freightCents: number, discount = 0) => {
    const linesCents = lines.reduce((sum, line) => sum + extendedCents(line, discount), 0);
    const order = await get('sales_order', orderId);
    expect({ lines_total: order.lines_total, order_total: order.order_total }).to.deep.equal({
      lines_total: toAmount(linesCents),
      order_total: toAmount(linesCents + freightCents),
    });
    return order;
  };
  /** What the customer must show: roll-ups of the orders' roll-up and formula, and its own formula over them. */
  const expectCustomer = async (customerId: string) => {
    const orders = (await listRecords(engine, 'sales_order', { filter: { customer: customerId }, limit: 200 })).records;
    const cents = (name: string) => orders.reduce((sum, order) => sum + Math.round(order[name] * 100), 0);
    const stored = await get('customer', customerId);
    expect({ lines_sum: stored.lines_sum, orders_sum: stored.orders_sum, freight_sum: stored.freight_sum, freight_share: stored.freight_share }).to.deep.equal({
      lines_sum: toAmount(cents('lines_total')),
      orders_sum: toAmount(cents('order_total')),
      freight_sum: toAmount(cents('freight')),
      freight_share: toAmount(cents('order_total') - cents('lines_total')),
    });
    return stored;
  };

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'customer', fields: [{ name: 'company', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'sales_order',
      fields: [
        { name: 'customer', type: 'masterdetail', target: 'customer' },
        { name: 'freight', type: 'currency', trackHistory: true },
        { name: 'discount', type: 'number', default: 0, trackHistory: true },
        { name: 'rush', type: 'boolean', default: false },
        { name: 'status', type: 'picklist', values: ['open', 'submitted', 'approved'], default: 'open' },
      ],
    });
    await defineObject(engine, {
      name: 'order_line',
      fields: [
        { name: 'sales_order', type: 'masterdetail', target: 'sales_order' },
        { name: 'quantity', type: 'number', required: true },
        { name: 'unit_price', type: 'currency', required: true },
        // reads its master: an approval that changes the order's discount changes every line
        { name: 'extended', type: 'formula', expression: 'quantity * unit_price * (100 - sales_order.discount) / 100', resultType: 'currency' },
      ],
    });
    const addField = (object: string, field: Record<string, unknown>) => ok('POST', `/api/v1/meta/objects/${object}/fields`, field, 201);
    await addField('sales_order', { name: 'lines_total', type: 'rollup', child: 'order_line', function: 'sum', field: 'extended' });
    await addField('sales_order', { name: 'order_total', type: 'formula', expression: 'lines_total + freight', resultType: 'currency' });
    // a roll-up of a roll-up, a roll-up of a formula that reads a roll-up, a roll-up of a plain field
    await addField('customer', { name: 'lines_sum', type: 'rollup', child: 'sales_order', function: 'sum', field: 'lines_total' });
    await addField('customer', { name: 'orders_sum', type: 'rollup', child: 'sales_order', function: 'sum', field: 'order_total' });
    await addField('customer', { name: 'freight_sum', type: 'rollup', child: 'sales_order', function: 'sum', field: 'freight' });
    // a formula on the grand-parent reading roll-ups of roll-ups
    await addField('customer', { name: 'freight_share', type: 'formula', expression: 'orders_sum - lines_sum', resultType: 'currency' });
    customer = await createRecord(engine, 'customer', { company: 'Alfreds Futterkiste' });

    await ok('POST', '/api/v1/meta/permission-sets', { name: 'ordering', objects: { sales_order: { create: true, read: true, edit: true }, order_line: { read: true }, customer: { read: true } } }, 201);
    approver = await addPerson(engine, 'order_approver', { permission_sets: ['standard_user', 'ordering'] });
  });
  after(() => engine.stop());

  it('keeps every order total current while lines are imported one by one', async () => {
    const orders = [await newOrder({ freight: 32.38 }), await newOrder({ freight: 11.61 }), await newOrder({ freight: 65.83 })];
    const freights = [3238, 1161, 6583];
    const imported: Line[][] = [[], [], []];
    for (let n = 0; n < 24; n++) {
      const line: Line = { quantity: 1 + (n % 7), unitCents: [1400, 980, 3480, 1860, 4230, 775][n % 6]! };
      await newLine(orders[n % 3]!, line);
      imported[n % 3]!.push(line);
    }
    for (const [i, order] of orders.entries()) await expectOrder(order._id, imported[i]!, freights[i]!);
    await expectCustomer(customer._id);
  });

  it("recomputes the order total when a line's quantity changes, a line is deleted and restored from the recycle bin", async () => {
    const order = await newOrder({ freight: 8.53 });
    const lines: Line[] = [{ quantity: 12, unitCents: 1400 }, { quantity: 10, unitCents: 980 }, { quantity: 5, unitCents: 3480 }];
    const stored = [];
    for (const line of lines) stored.push(await newLine(order, line));
    await expectOrder(order._id, lines, 853);

    await ok('PATCH', `/api/v1/records/order_line/${stored[1]!._id}`, { quantity: 25 });
    lines[1] = { quantity: 25, unitCents: 980 };
    await expectOrder(order._id, lines, 853);
    await expectCustomer(customer._id);

    await ok('DELETE', `/api/v1/records/order_line/${stored[0]!._id}`, undefined, 204);
    await expectOrder(order._id, lines.slice(1), 853);
    await expectCustomer(customer._id);

    await ok('POST', `/api/v1/recycle-bin/order_line/${stored[0]!._id}/restore`);
    await expectOrder(order._id, lines, 853);
    await expectCustomer(customer._id);
  });

  it('moves both order totals when a line is moved to another order, and both customers when an order changes customer', async () => {
    const other = await createRecord(engine, 'customer', { company: 'Ana Trujillo Emparedados' });
    const from = await newOrder({ freight: 1.5 });
    const to = await newOrder({ freight: 2.25 }, other);
    const moving: Line = { quantity: 3, unitCents: 1860 };
    const staying: Line = { quantity: 2, unitCents: 4230 };
    const line = await newLine(from, moving);
    await newLine(from, staying);

    await ok('PATCH', `/api/v1/records/order_line/${line._id}`, { sales_order: to._id });
    await expectOrder(from._id, [staying], 150);
    await expectOrder(to._id, [moving], 225);
    await expectCustomer(customer._id);
    await expectCustomer(other._id);

    await ok('PATCH', `/api/v1/records/sales_order/${to._id}`, { customer: customer._id });
    expect((await expectCustomer(other._id)).orders_sum).to.equal(0);
    await expectCustomer(customer._id);
  });

  it("recomputes a customer's formula over roll-ups of roll-ups when an order or its lines change, without moving the customer's version", async () => {
    const fresh = await createRecord(engine, 'customer', { company: 'Antonio Moreno Taquería' });
    const order = await newOrder({ freight: 10 }, fresh);
    await newLine(order, { quantity: 4, unitCents: 1250 });
    const stored = await expectCustomer(fresh._id);
    expect(stored).to.include({ lines_sum: 50, orders_sum: 60, freight_share: 10, _version: 1 });
    await ok('PATCH', `/api/v1/records/sales_order/${order._id}`, { freight: 12.75 });
    expect(await expectCustomer(fresh._id)).to.include({ freight_share: 12.75, _version: 1 });
  });

  it("recomputes the lines, their order's totals and the customer when an approval action sets the order's discount and freight, and keeps their history", async () => {
    await ok('POST', '/api/v1/meta/approval-processes', {
      name: 'order_discount',
      object: 'sales_order',
      steps: [{ name: 'approver', approvers: [{ user: approver.id }] }],
      onSubmit: [{ setField: 'status', value: 'submitted' }],
      onApprove: [{ setField: 'status', value: 'approved' }, { setField: 'discount', value: 10 }, { setField: 'freight', expression: 'freight + 5' }],
    }, 201);
    const order = await newOrder({ freight: 20 });
    const lines: Line[] = [{ quantity: 10, unitCents: 1400 }, { quantity: 20, unitCents: 980 }];
    for (const line of lines) await newLine(order, line);
    await expectOrder(order._id, lines, 2000);

    await ok('POST', `/api/v1/records/sales_order/${order._id}/approval/submit`, {});
    const approved = await approver.as('POST', `/api/v1/records/sales_order/${order._id}/approval/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);

    const after = await expectOrder(order._id, lines, 2500, 10);
    expect(after).to.include({ status: 'approved', discount: 10, freight: 25 });
    await expectCustomer(customer._id);
    const history = (await ok('GET', `/api/v1/records/sales_order/${order._id}/history`)).entries as Record<string, unknown>[];
    expect(history.filter((entry) => entry.action === 'updated').map(({ field, old, new: value, by }) => ({ field, old, new: value, by }))).to.have.deep.members([
      { field: 'discount', old: 0, new: 10, by: approver.id },
      { field: 'freight', old: 20, new: 25, by: approver.id },
    ]);
  });

  it("recomputes the order total and the customer's roll-ups when an automation rule sets the freight, and keeps its history", async () => {
    await ok('POST', '/api/v1/meta/automation-rules', { name: 'rush_freight', object: 'sales_order', on: 'update', condition: 'rush = true', actions: [{ setField: 'freight', expression: 'freight + 40' }] }, 201);
    const order = await newOrder({ freight: 3.5 });
    const lines: Line[] = [{ quantity: 6, unitCents: 775 }];
    await newLine(order, lines[0]!);
    await expectOrder(order._id, lines, 350);

    await ok('PATCH', `/api/v1/records/sales_order/${order._id}`, { rush: true });
    expect(await expectOrder(order._id, lines, 4350)).to.include({ freight: 43.5 });
    await expectCustomer(customer._id);
    const history = (await ok('GET', `/api/v1/records/sales_order/${order._id}/history`)).entries as Record<string, unknown>[];
    expect(history.filter((entry) => entry.field === 'freight').map(({ old, new: value }) => ({ old, new: value }))).to.deep.equal([{ old: 3.5, new: 43.5 }]);
  });

  it('computes an order total over roll-ups for existing orders when the formula is added after the lines', async () => {
    const order = await newOrder({ freight: 1 });
    await newLine(order, { quantity: 2, unitCents: 333 });
    await ok('POST', '/api/v1/meta/objects/sales_order/fields', { name: 'total_with_tax', type: 'formula', expression: '(lines_total + freight) * 1.1', resultType: 'currency' }, 201);
    expect((await get('sales_order', order._id)).total_with_tax).to.equal(8.43);
    await newLine(order, { quantity: 1, unitCents: 1000 });
    expect((await get('sales_order', order._id)).total_with_tax).to.equal(19.43);
  });

  it("recomputes formulas and roll-ups over a field whose stored values a change of its scale rounds", async () => {
    await defineObject(engine, { name: 'crate', fields: [{ name: 'label', type: 'text' }] });
    await defineObject(engine, {
      name: 'bottle',
      fields: [
        { name: 'crate', type: 'masterdetail', target: 'crate' },
        { name: 'litres', type: 'number', scale: 3 },
        { name: 'doubled', type: 'formula', expression: 'litres * 2', resultType: 'number', scale: 3 },
      ],
    });
    await ok('POST', '/api/v1/meta/objects/crate/fields', { name: 'litres_sum', type: 'rollup', child: 'bottle', function: 'sum', field: 'litres' }, 201);
    const crate = await createRecord(engine, 'crate', { label: 'Chai' });
    const bottle = await createRecord(engine, 'bottle', { crate: crate._id, litres: 0.755 });
    await createRecord(engine, 'bottle', { crate: crate._id, litres: 1.005 });
    expect(bottle.doubled).to.equal(1.51);
    expect((await get('crate', crate._id)).litres_sum).to.equal(1.76);

    await ok('PATCH', '/api/v1/meta/objects/bottle/fields/litres', { scale: 2 });
    expect(await get('bottle', bottle._id)).to.include({ litres: 0.76, doubled: 1.52 });
    expect((await get('crate', crate._id)).litres_sum).to.equal(1.77);
  });

  it('answers a change and a restore with the record as its children left it: totals that came back through its lines', async () => {
    const order = await newOrder({ freight: 4 });
    const lines: Line[] = [{ quantity: 10, unitCents: 1860 }, { quantity: 4, unitCents: 775 }];
    for (const line of lines) await newLine(order, line);

    const discounted = await ok('PATCH', `/api/v1/records/sales_order/${order._id}`, { discount: 50 });
    const cents = lines.reduce((sum, line) => sum + extendedCents(line, 50), 0);
    expect(discounted).to.include({ discount: 50, lines_total: toAmount(cents), order_total: toAmount(cents + 400) });

    await ok('DELETE', `/api/v1/records/sales_order/${order._id}`, undefined, 204);
    const restored = await ok('POST', `/api/v1/recycle-bin/sales_order/${order._id}/restore`);
    expect(restored).to.include({ lines_total: toAmount(cents), order_total: toAmount(cents + 400) });
    await expectOrder(order._id, lines, 400, 50);
    await expectCustomer(customer._id);
  });

  it("recomputes formulas reading the owner, its children's formulas reading it and the roll-up over those, when the owner is transferred", async () => {
    await ok('POST', '/api/v1/meta/objects/customer/fields', { name: 'passed_on', type: 'formula', expression: '_owner != _createdBy', resultType: 'boolean' }, 201);
    await ok('POST', '/api/v1/meta/objects/sales_order/fields', { name: 'customer_passed_on', type: 'formula', expression: 'customer._owner != customer._createdBy', resultType: 'boolean' }, 201);
    await ok('POST', '/api/v1/meta/objects/customer/fields', { name: 'orders_passed_on', type: 'rollup', child: 'sales_order', function: 'count', filter: { customer_passed_on: true } }, 201);
    const fresh = await createRecord(engine, 'customer', { company: 'Berglunds snabbköp' });
    const order = await newOrder({ freight: 1 }, fresh);
    expect(await get('customer', fresh._id)).to.include({ passed_on: false, orders_passed_on: 0 });
    expect((await get('sales_order', order._id)).customer_passed_on).to.equal(false);

    const transferred = await ok('PUT', `/api/v1/records/customer/${fresh._id}/owner`, { owner: approver.id });
    expect(transferred).to.include({ passed_on: true, orders_passed_on: 1 });
    expect((await get('sales_order', order._id)).customer_passed_on).to.equal(true);
    expect(await get('customer', fresh._id)).to.include({ passed_on: true, orders_passed_on: 1 });
  });

  it('refuses a write with 422 when a roll-up sums a formula that reads the roll-up itself, storing nothing of it', async () => {
    await defineObject(engine, { name: 'loop_parent', fields: [{ name: 'label', type: 'text' }] });
    await defineObject(engine, {
      name: 'loop_child',
      fields: [
        { name: 'loop_parent', type: 'masterdetail', target: 'loop_parent' },
        { name: 'amount', type: 'number' },
        { name: 'value', type: 'formula', expression: 'amount', resultType: 'number' },
      ],
    });
    await ok('POST', '/api/v1/meta/objects/loop_parent/fields', { name: 'sum_of_values', type: 'rollup', child: 'loop_child', function: 'sum', field: 'value' }, 201);
    await ok('PATCH', '/api/v1/meta/objects/loop_child/fields/value', { expression: 'amount + loop_parent.sum_of_values' });
    const parent = await createRecord(engine, 'loop_parent', { label: 'circle' });

    const response = await engine.request('POST', '/api/v1/records/loop_child', { loop_parent: parent._id, amount: 1 });
    expect(response.status, JSON.stringify(response.body)).to.equal(422);
    expect(response.body.error.code).to.equal('derived_values_cycle');
    expect(response.body.error.message).to.contain('read each other in a circle');
    expect((await listRecords(engine, 'loop_child')).records).to.deep.equal([]);
    expect((await get('loop_parent', parent._id)).sum_of_values).to.equal(0);
  });
});
