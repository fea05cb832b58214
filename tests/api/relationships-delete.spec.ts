import { expect } from 'chai';
import { allRecords, createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;

describe('relationships API: what deleting a record does to the records pointing at it', () => {
  let engine: TestEngine;
  const get = (object: string, id: string) => engine.request('GET', records(object, id));
  const remove = (object: string, id: string) => engine.request('DELETE', records(object, id));

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'account', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'contact',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'account', type: 'lookup', target: 'account' },
        { name: 'reports_to', type: 'lookup', target: 'contact', onDelete: 'restrict' },
      ],
    });
    await defineObject(engine, {
      name: 'support_case',
      fields: [
        { name: 'subject', type: 'text', required: true },
        { name: 'account', type: 'lookup', target: 'account', onDelete: 'restrict' },
      ],
    });
    await defineObject(engine, {
      name: 'sales_order',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'account', type: 'masterdetail', target: 'account' },
      ],
    });
    await defineObject(engine, {
      name: 'order_line',
      fields: [
        { name: 'product', type: 'text', required: true },
        { name: 'sales_order', type: 'masterdetail', target: 'sales_order' },
        { name: 'billed_to', type: 'lookup', target: 'account', onDelete: 'restrict' },
      ],
    });
  });
  after(async () => {
    await engine.stop();
  });

  describe("onDelete 'restrict'", () => {
    it('refuses the delete with 409 delete_restricted, naming every child pointing at the record', async () => {
      const account = await createRecord(engine, 'account', { name: 'Restricted Ltd' });
      const first = await createRecord(engine, 'support_case', { subject: 'Broken', account: account._id });
      const second = await createRecord(engine, 'support_case', { subject: 'Slow', account: account._id });

      const details = expectError(await remove('account', account._id), 409, 'delete_restricted');
      expect(details.map((detail) => detail.path).sort()).to.deep.equal(
        [`/related/support_case/${first._id}/account`, `/related/support_case/${second._id}/account`].sort(),
      );
      for (const detail of details) expect(detail.message).to.include(account._id);
    });

    it('changes nothing when it refuses: the record, its details and the lookups that would be cleared all stay', async () => {
      const account = await createRecord(engine, 'account', { name: 'Untouched Ltd' });
      const contact = await createRecord(engine, 'contact', { name: 'Cleo', account: account._id });
      const order = await createRecord(engine, 'sales_order', { title: 'SO-1', account: account._id });
      await createRecord(engine, 'order_line', { product: 'Desk', sales_order: order._id });
      await createRecord(engine, 'support_case', { subject: 'Open', account: account._id });
      const objects = ['account', 'contact', 'support_case', 'sales_order', 'order_line'];
      const before = await Promise.all(objects.map((object) => allRecords(engine, object)));

      expectError(await remove('account', account._id), 409, 'delete_restricted');

      expect(await Promise.all(objects.map((object) => allRecords(engine, object)))).to.deep.equal(before);
      expect((await get('contact', contact._id)).body.account).to.equal(account._id);
      expect((await engine.request('GET', '/api/v1/recycle-bin/account')).body.entries).to.deep.equal([]);
    });

    it('lets the delete through once the children point elsewhere', async () => {
      const account = await createRecord(engine, 'account', { name: 'Moved Ltd' });
      const other = await createRecord(engine, 'account', { name: 'Other Ltd' });
      const supportCase = await createRecord(engine, 'support_case', { subject: 'Moving', account: account._id });
      expectError(await remove('account', account._id), 409, 'delete_restricted');

      expect((await engine.request('PATCH', records('support_case', supportCase._id), { account: other._id })).status).to.equal(200);
      expect((await remove('account', account._id)).status).to.equal(204);
      expect((await get('support_case', supportCase._id)).body.account).to.equal(other._id);
    });
  });

  describe("onDelete 'clear'", () => {
    it("clears the children's field and leaves the rest of them as they were", async () => {
      const account = await createRecord(engine, 'account', { name: 'Cleared Ltd' });
      const ann = await createRecord(engine, 'contact', { name: 'Ann', account: account._id });
      const bob = await createRecord(engine, 'contact', { name: 'Bob', account: account._id, reports_to: ann._id });

      expect((await remove('account', account._id)).status).to.equal(204);

      const annNow = (await get('contact', ann._id)).body;
      const bobNow = (await get('contact', bob._id)).body;
      expect(annNow).to.not.have.property('account');
      expect(bobNow).to.not.have.property('account');
      expect(bobNow).to.include({ name: 'Bob', reports_to: ann._id });
    });
  });

  describe('master-detail', () => {
    it('deletes the details and their own details with the master, two levels down', async () => {
      const account = await createRecord(engine, 'account', { name: 'Cascade Ltd' });
      const orders = [
        await createRecord(engine, 'sales_order', { title: 'SO-A', account: account._id }),
        await createRecord(engine, 'sales_order', { title: 'SO-B', account: account._id }),
      ];
      const lines = [
        await createRecord(engine, 'order_line', { product: 'Chair', sales_order: orders[0]!._id }),
        await createRecord(engine, 'order_line', { product: 'Lamp', sales_order: orders[0]!._id }),
        await createRecord(engine, 'order_line', { product: 'Rug', sales_order: orders[1]!._id }),
      ];
      const bystander = await createRecord(engine, 'sales_order', { title: 'SO-C', account: (await createRecord(engine, 'account', { name: 'Bystander' }))._id });

      expect((await remove('account', account._id)).status).to.equal(204);

      expectError(await get('account', account._id), 404);
      for (const order of orders) expectError(await get('sales_order', order._id), 404);
      for (const line of lines) expectError(await get('order_line', line._id), 404);
      expect((await get('sales_order', bystander._id)).status).to.equal(200);
      const [entry] = (await engine.request('GET', '/api/v1/recycle-bin/account')).body.entries.filter(
        (candidate: { record: { _id: string } }) => candidate.record._id === account._id,
      );
      expect(entry.alsoDeleted).to.equal(orders.length + lines.length);
    });

    it('deletes a detail alone without touching its master', async () => {
      const account = await createRecord(engine, 'account', { name: 'Single Detail Ltd' });
      const order = await createRecord(engine, 'sales_order', { title: 'SO-D', account: account._id });
      const line = await createRecord(engine, 'order_line', { product: 'Pen', sales_order: order._id });

      expect((await remove('sales_order', order._id)).status).to.equal(204);
      expectError(await get('order_line', line._id), 404);
      expect((await get('account', account._id)).status).to.equal(200);
    });
  });

  describe('the delete behaviour of a lookup, as defined or by default', () => {
    const cases: { does: string; lookup: Record<string, unknown>; expected: 'restrict' | 'clear' }[] = [
      { does: 'an optional lookup clears', lookup: {}, expected: 'clear' },
      { does: 'a required lookup restricts', lookup: { required: true }, expected: 'restrict' },
      { does: "an optional lookup with onDelete 'restrict' restricts", lookup: { onDelete: 'restrict' }, expected: 'restrict' },
      { does: "a required lookup with onDelete 'restrict' restricts", lookup: { required: true, onDelete: 'restrict' }, expected: 'restrict' },
      { does: "an optional lookup with onDelete 'clear' clears", lookup: { onDelete: 'clear' }, expected: 'clear' },
    ];
    cases.forEach(({ does, lookup, expected }, index) => {
      it(does, async () => {
        const name = `default_case_${index}`;
        await defineObject(engine, { name, fields: [{ name: 'account', type: 'lookup', target: 'account', ...lookup }] });
        const account = await createRecord(engine, 'account', { name: `Default ${index}` });
        const child = await createRecord(engine, name, { account: account._id });

        const response = await remove('account', account._id);
        if (expected === 'restrict') {
          expectError(response, 409, 'delete_restricted');
          expect((await get(name, child._id)).body.account).to.equal(account._id);
        } else {
          expect(response.status).to.equal(204);
          expect((await get(name, child._id)).body).to.not.have.property('account');
        }
      });
    });

    it("refuses to define a required lookup with onDelete 'clear' (400)", async () => {
      const response = await engine.request('POST', '/api/v1/meta/objects', {
        name: 'impossible_clear',
        fields: [{ name: 'account', type: 'lookup', target: 'account', required: true, onDelete: 'clear' }],
      });
      expect(expectError(response, 400).map((detail) => detail.path)).to.deep.equal(['/fields/0/onDelete']);
    });
  });

  describe('references that do not hold a delete back', () => {
    it('deletes a record that points at itself through a restricting lookup', async () => {
      const boss = await createRecord(engine, 'contact', { name: 'Self-managed' });
      expect((await engine.request('PATCH', records('contact', boss._id), { reports_to: boss._id })).status).to.equal(200);

      expect((await remove('contact', boss._id)).status).to.equal(204);
      expectError(await get('contact', boss._id), 404);
    });

    it('still refuses when another live record points at the same one through that lookup', async () => {
      const boss = await createRecord(engine, 'contact', { name: 'Boss' });
      const report = await createRecord(engine, 'contact', { name: 'Report', reports_to: boss._id });
      const details = expectError(await remove('contact', boss._id), 409, 'delete_restricted');
      expect(details.map((detail) => detail.path)).to.deep.equal([`/related/contact/${report._id}/reports_to`]);
    });

    it('deletes a master whose details point back at it through a restricting lookup, since they go in the same delete', async () => {
      const account = await createRecord(engine, 'account', { name: 'Billed Ltd' });
      const order = await createRecord(engine, 'sales_order', { title: 'SO-E', account: account._id });
      const line = await createRecord(engine, 'order_line', { product: 'Desk', sales_order: order._id, billed_to: account._id });

      expect((await remove('account', account._id)).status).to.equal(204);
      expectError(await get('order_line', line._id), 404);
    });

    it('still refuses when a detail of another master points at the record through that lookup', async () => {
      const account = await createRecord(engine, 'account', { name: 'Billed Elsewhere Ltd' });
      const otherOrder = await createRecord(engine, 'sales_order', { title: 'SO-F', account: (await createRecord(engine, 'account', { name: 'Buyer' }))._id });
      const line = await createRecord(engine, 'order_line', { product: 'Lamp', sales_order: otherOrder._id, billed_to: account._id });

      const details = expectError(await remove('account', account._id), 409, 'delete_restricted');
      expect(details.map((detail) => detail.path)).to.deep.equal([`/related/order_line/${line._id}/billed_to`]);
    });

    it('does not count a child already in the recycle bin as pointing at the record', async () => {
      const account = await createRecord(engine, 'account', { name: 'Binned Child Ltd' });
      const supportCase = await createRecord(engine, 'support_case', { subject: 'Gone', account: account._id });
      expect((await remove('support_case', supportCase._id)).status).to.equal(204);

      expect((await remove('account', account._id)).status).to.equal(204);
    });
  });
});
