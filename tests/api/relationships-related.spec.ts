import { expect } from 'chai';
import type { Collection, Doc, Store } from '../../engine/store/port.js';
import { createRecord, defineObject, expectError, listPath } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;
const related = (object: string, id: string, child: string, query: Record<string, unknown> = {}) =>
  listPath(child, query).replace(`/api/v1/records/${child}`, `${records(object, id)}/related/${child}`);

const STAGES = ['open', 'won', 'lost'] as const;

describe('relationships API: related lists and expanded parents', () => {
  let engine: TestEngine;
  let accounts: Record<string, any>[];
  let reps: Record<string, any>[];
  /** 30 opportunities: account i % 3 (the first one holds 10), rep i % 2, none for every fifth. */
  let opportunities: Record<string, any>[];
  const get = (path: string) => engine.request('GET', path);

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'account', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, { name: 'person', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'opportunity',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'account', type: 'lookup', target: 'account' },
        { name: 'sales_rep', type: 'lookup', target: 'person' },
        { name: 'amount', type: 'number' },
        { name: 'stage', type: 'picklist', values: [...STAGES] },
      ],
    });
    await defineObject(engine, {
      name: 'quote',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'opportunity', type: 'masterdetail', target: 'opportunity' },
      ],
    });
    await defineObject(engine, {
      name: 'transfer',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'from_account', type: 'lookup', target: 'account' },
        { name: 'to_account', type: 'lookup', target: 'account' },
        { name: 'amount', type: 'number' },
      ],
    });
    await defineObject(engine, { name: 'memo', fields: [{ name: 'text', type: 'text' }] });
    accounts = [];
    for (const name of ['Acme', 'Globex', 'Initech']) accounts.push(await createRecord(engine, 'account', { name }));
    reps = [];
    for (const name of ['Rita', 'Sam']) reps.push(await createRecord(engine, 'person', { name }));
    opportunities = [];
    for (let i = 0; i < 30; i++) {
      opportunities.push(
        await createRecord(engine, 'opportunity', {
          title: `Deal ${String(i).padStart(2, '0')}`,
          account: accounts[i % 3]!._id,
          ...(i % 5 === 0 ? {} : { sales_rep: reps[i % 2]!._id }),
          amount: (i * 37) % 100,
          stage: STAGES[i % 3],
        }),
      );
    }
  });
  after(async () => {
    await engine.stop();
  });

  describe('GET /records/:object/:id/related/:child', () => {
    it('lists the children of one record through their lookup, and only those', async () => {
      const response = await get(related('account', accounts[1]!._id, 'opportunity', { sort: 'title', total: true }));
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      const expected = opportunities.filter((opportunity) => opportunity.account === accounts[1]!._id);
      expect(response.body.records).to.deep.equal(expected);
      expect(response.body).to.include({ next: null, total: expected.length });
    });

    it('filters, sorts, pages with a cursor and counts the total within the parent', async () => {
      const account = accounts[0]!._id;
      const expected = opportunities
        .filter((opportunity) => opportunity.account === account && opportunity.stage !== 'lost')
        .sort((a, b) => b.amount - a.amount || (a._id < b._id ? -1 : 1))
        .map((opportunity) => opportunity._id);
      const query = { filter: { stage: { ne: 'lost' } }, sort: '-amount', limit: 2, total: true };
      const seen: string[] = [];
      let cursor: string | null | undefined;
      do {
        const response = await get(related('account', account, 'opportunity', { ...query, cursor: cursor ?? undefined }));
        expect(response.status, JSON.stringify(response.body)).to.equal(200);
        expect(response.body.total).to.equal(expected.length);
        expect(response.body.records.length).to.be.at.most(2);
        seen.push(...response.body.records.map((record: { _id: string }) => record._id));
        cursor = response.body.next;
      } while (cursor);
      expect(seen).to.deep.equal(expected);
    });

    it('selects fields in a related list like in any list', async () => {
      const response = await get(related('account', accounts[2]!._id, 'opportunity', { fields: 'title', sort: 'title', limit: 1 }));
      expect(response.body.records).to.deep.equal([{ _id: opportunities[2]!._id, _version: 1, title: 'Deal 02' }]);
    });

    it('lists details through a master-detail field too', async () => {
      const quote = await createRecord(engine, 'quote', { title: 'Q-1', opportunity: opportunities[3]!._id });
      await createRecord(engine, 'quote', { title: 'Q-2', opportunity: opportunities[4]!._id });
      expect((await get(related('opportunity', opportunities[3]!._id, 'quote'))).body.records).to.deep.equal([quote]);
    });

    it('requires ?field= when the child has two lookups to the parent (400 naming them), and lists through the one given', async () => {
      const [from, to] = [accounts[0]!, accounts[1]!];
      const outgoing = await createRecord(engine, 'transfer', { title: 'Out', from_account: from._id, to_account: to._id });
      const incoming = await createRecord(engine, 'transfer', { title: 'In', from_account: to._id, to_account: from._id });

      const details = expectError(await get(related('account', from._id, 'transfer')), 400, 'validation_failed');
      expect(details).to.have.length(1);
      expect(details[0]!.message).to.include('from_account').and.include('to_account');

      expect((await get(related('account', from._id, 'transfer', { field: 'from_account' }))).body.records).to.deep.equal([outgoing]);
      expect((await get(related('account', from._id, 'transfer', { field: 'to_account' }))).body.records).to.deep.equal([incoming]);
    });

    const refusals: { does: string; path: () => string; status: number; detailPath?: string }[] = [
      { does: 'a ?field= that does not point at the parent', path: () => related('account', accounts[0]!._id, 'transfer', { field: 'amount' }), status: 400, detailPath: '/field' },
      { does: 'a child with no field pointing at the parent', path: () => related('account', accounts[0]!._id, 'memo'), status: 400, detailPath: '/related/memo' },
      { does: 'an unknown parent id', path: () => related('account', 'ffffffffffffffffffffffff', 'opportunity'), status: 404 },
      { does: 'an unknown parent object', path: () => related('no_such_object', accounts[0]!._id, 'opportunity'), status: 404 },
      { does: 'an unknown child object', path: () => related('account', accounts[0]!._id, 'no_such_object'), status: 404 },
      { does: 'a filter on an unknown field', path: () => related('account', accounts[0]!._id, 'opportunity', { filter: { colour: 'red' } }), status: 400 },
    ];
    for (const { does, path, status, detailPath } of refusals) {
      it(`refuses ${does} (${status})`, async () => {
        const details = expectError(await get(path()), status);
        if (detailPath) expect(details.map((detail) => detail.path)).to.deep.equal([detailPath]);
      });
    }
  });

  describe('?expand= on list and get', () => {
    const parentOf = (list: Record<string, any>[], id: unknown) => list.find((record) => record._id === id) ?? null;

    it('embeds each listed record’s parents under _expanded, keeping the ids in their fields', async () => {
      const response = await get(listPath('opportunity', { sort: 'title', limit: 30, expand: 'account,sales_rep' }));
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      const listed = response.body.records as Record<string, any>[];
      expect(listed).to.have.length(30);
      listed.forEach((record, i) => {
        const { _expanded, ...own } = record;
        expect(own).to.deep.equal(opportunities[i]);
        expect(_expanded).to.deep.equal({ account: parentOf(accounts, own.account), sales_rep: parentOf(reps, own.sales_rep) });
      });
    });

    it('embeds the parents of one record on get', async () => {
      const opportunity = opportunities[1]!;
      const response = await get(`${records('opportunity', opportunity._id)}?expand=account,sales_rep`);
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      expect(response.body).to.deep.equal({
        ...opportunity,
        _expanded: { account: parentOf(accounts, opportunity.account), sales_rep: parentOf(reps, opportunity.sales_rep) },
      });
    });

    it('embeds null for a lookup that holds no value', async () => {
      const response = await get(`${records('opportunity', opportunities[0]!._id)}?expand=sales_rep`);
      expect(response.body).to.not.have.property('sales_rep');
      expect(response.body._expanded).to.deep.equal({ sales_rep: null });
    });

    it('returns an expanded field beside its parent when ?fields= leaves it out, on list and on get', async () => {
      const opportunity = opportunities[7]!;
      const expected = { _id: opportunity._id, _version: 1, title: opportunity.title, account: opportunity.account, _expanded: { account: parentOf(accounts, opportunity.account) } };
      expect((await get(`${records('opportunity', opportunity._id)}?fields=title&expand=account`)).body).to.deep.equal(expected);
      const listed = await get(listPath('opportunity', { filter: { title: opportunity.title }, fields: 'title', expand: 'account' }));
      expect(listed.body.records).to.deep.equal([expected]);
    });

    it('embeds the master of a detail, and expands in related lists too', async () => {
      const response = await get(related('opportunity', opportunities[3]!._id, 'quote', { expand: 'opportunity' }));
      expect(response.body.records.map((record: Record<string, any>) => record._expanded)).to.deep.equal([{ opportunity: opportunities[3] }]);
    });

    it('embeds null for a parent that is no longer live', async () => {
      const account = await createRecord(engine, 'account', { name: 'Soon gone' });
      const opportunity = await createRecord(engine, 'opportunity', { title: 'Orphan', account: account._id });
      // The engine clears lookups to a record it deletes; this reference is one it did not clear (stale data).
      const tenant = await engine.platform.tenant('default');
      await tenant.store.collection(tenant.metadata.snapshot.object('account')!.collection).updateOne({ _id: account._id }, { $set: { _deleted: true } });

      const response = await get(`${records('opportunity', opportunity._id)}?expand=account`);
      expect(response.body.account).to.equal(account._id);
      expect(response.body._expanded).to.deep.equal({ account: null });
    });

    it('embeds null for a parent deleted through the API, whose lookup the delete cleared', async () => {
      const account = await createRecord(engine, 'account', { name: 'Deleted' });
      const opportunity = await createRecord(engine, 'opportunity', { title: 'Left behind', account: account._id });
      expect((await engine.request('DELETE', records('account', account._id))).status).to.equal(204);

      const response = await get(`${records('opportunity', opportunity._id)}?expand=account`);
      expect(response.body).to.not.have.property('account');
      expect(response.body._expanded).to.deep.equal({ account: null });
    });

    const refusals: { does: string; expand: string }[] = [
      { does: 'a field that is not a lookup', expand: 'title' },
      { does: 'an unknown field', expand: 'account,colour' },
      { does: 'a system field that holds no user', expand: '_version' },
    ];
    for (const { does, expand } of refusals) {
      it(`refuses to expand ${does} (400), on list and on get`, async () => {
        for (const path of [listPath('opportunity', { expand }), `${records('opportunity', opportunities[0]!._id)}?expand=${expand}`]) {
          expect(expectError(await get(path), 400).map((detail) => detail.path)).to.deep.equal(['/expand']);
        }
      });
    }

    it('embeds the owner, the creator and the last editor as user records', async () => {
      const response = await get(`${records('opportunity', opportunities[0]!._id)}?expand=account,owner,_createdBy`);
      expect(response.status).to.equal(200);
      expect(response.body._expanded.owner).to.include({ _id: engine.adminId, email: 'admin@example.com' });
      expect(response.body._expanded._createdBy._id).to.equal(engine.adminId);
      expect(response.body._expanded).to.have.property('account');
      const list = await get(listPath('opportunity', { expand: 'owner' }));
      expect(list.body.records.every((record: { _expanded: { owner: { _id: string } } }) => record._expanded.owner._id === engine.adminId)).to.equal(true);
    });

    it('reads each parent collection once for a whole page, never once per record', async () => {
      const tenant = await engine.platform.tenant('default');
      const calls = spyOnReads(tenant.store);
      try {
        const response = await get(listPath('opportunity', { limit: 30, sort: 'title', expand: 'account,sales_rep' }));
        expect(response.status).to.equal(200);
        expect(response.body.records).to.have.length(30);
      } finally {
        calls.restore();
      }
      for (const parent of ['account', 'person']) {
        const collection = tenant.metadata.snapshot.object(parent)!.collection;
        expect(calls.count(collection, 'find'), `${parent} find`).to.equal(1);
        expect(calls.count(collection, 'findOne'), `${parent} findOne`).to.equal(0);
      }
    });
  });
});

/** Counts the reads each collection of a store answers until restored. */
function spyOnReads(store: Store) {
  const counts = new Map<string, number>();
  const original = store.collection;
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  store.collection = function <T extends Doc>(this: Store, name: string): Collection<T> {
    const collection = original.call(this, name) as Collection<T>;
    return {
      ...collection,
      find: (filter, options) => (bump(`${name}.find`), collection.find(filter, options)),
      findOne: (filter, options) => (bump(`${name}.findOne`), collection.findOne(filter, options)),
    };
  };
  return {
    count: (collection: string, method: 'find' | 'findOne') => counts.get(`${collection}.${method}`) ?? 0,
    restore: () => {
      store.collection = original;
    },
  };
}
