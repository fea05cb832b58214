import { expect } from 'chai';
import { allRecords, createRecord, defineObject, detailPaths, expectError } from '../support/api-helpers.js';
import { addPerson, type Person } from '../support/approval-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const RECORDS = '/api/v1/records/shipment';

/**
 * A record as read can be sent back: system fields, formulas, roll-ups, auto-numbers, converted
 * amounts, expanded parents and fields the user may read but not edit are ignored when unchanged
 * and refused, naming the field, when changed. A create with the body of a read (its `_id`
 * included) copies the record.
 */
describe('a record as read, sent back', () => {
  let engine: TestEngine;
  let clerk: Person;
  let carrier: Record<string, any>;

  const read = async (id: string, query = '', as?: Person) => {
    const response = as ? await as.as('GET', `${RECORDS}/${id}${query}`) : await engine.request('GET', `${RECORDS}/${id}${query}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as Record<string, any>;
  };
  const newShipment = async (values: Record<string, unknown> = {}) => {
    const shipment = await createRecord(engine, 'shipment', { title: 'Chai to Berlin', carrier: carrier._id, currency_code: 'EUR', freight: 100, weight_kg: 12, ...values });
    await createRecord(engine, 'parcel', { shipment: shipment._id, weight_kg: 5 });
    await createRecord(engine, 'parcel', { shipment: shipment._id, weight_kg: 7 });
    return read(shipment._id, '?expand=carrier,owner');
  };

  before(async () => {
    engine = await startTestEngine();
    expect((await engine.request('PUT', '/api/v1/meta/currencies/usd', { corporate: true })).status).to.equal(200);
    expect((await engine.request('PUT', '/api/v1/meta/currencies/eur', { rates: [{ from: '2020-01-01', rate: 1.08 }] })).status).to.equal(200);
    await defineObject(engine, { name: 'carrier', fields: [{ name: 'company', type: 'text', required: true }] });
    await defineObject(engine, {
      name: 'shipment',
      sharing: 'publicRead',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'number', type: 'autonumber', format: 'SH-{0000}' },
        { name: 'carrier', type: 'lookup', target: 'carrier' },
        { name: 'currency_code', type: 'picklist', values: ['USD', 'EUR'] },
        { name: 'freight', type: 'currency', currencyField: 'currency_code' },
        { name: 'weight_kg', type: 'number' },
        { name: 'priority', type: 'picklist', values: ['normal', 'express'], default: 'normal' },
        { name: 'internal_note', type: 'text' },
        { name: 'cost_per_kg', type: 'formula', expression: 'freight__corporate / weight_kg', resultType: 'currency' },
      ],
    });
    await defineObject(engine, { name: 'parcel', fields: [{ name: 'shipment', type: 'masterdetail', target: 'shipment' }, { name: 'weight_kg', type: 'number' }] });
    expect((await engine.request('POST', '/api/v1/meta/objects/shipment/fields', { name: 'parcels_kg', type: 'rollup', child: 'parcel', function: 'sum', field: 'weight_kg' })).status).to.equal(201);
    carrier = await createRecord(engine, 'carrier', { company: 'Speedy Express' });
    const permissionSet = await engine.request('POST', '/api/v1/meta/permission-sets', {
      name: 'shipping_clerk',
      objects: { shipment: { create: true, read: true, edit: true }, carrier: { read: true }, parcel: { read: true } },
      // Clerks see the priority without changing it, and never see the internal note.
      fields: { shipment: { priority: { read: true, edit: false }, internal_note: { read: false, edit: false } } },
    });
    expect(permissionSet.status, JSON.stringify(permissionSet.body)).to.equal(201);
    clerk = await addPerson(engine, 'shipping_clerk', { permission_sets: ['standard_user', 'shipping_clerk'] });
  });
  after(() => engine.stop());

  it('answers 200 to a PATCH with the body of a GET (expanded parents included) and changes nothing, not even the version', async () => {
    const shipment = await newShipment();
    expect(shipment).to.include.keys('_id', '_version', '_owner', '_createdAt', 'number', 'freight__corporate', 'cost_per_kg', 'parcels_kg', '_expanded');
    const before = await allRecords(engine, 'shipment');

    const response = await engine.request('PATCH', `${RECORDS}/${shipment._id}`, shipment);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body._version).to.equal(shipment._version);
    expect(await allRecords(engine, 'shipment')).to.deep.equal(before);
  });

  it('applies the one field edited in the body of a GET, recomputing what derives from it', async () => {
    const shipment = await newShipment();
    const response = await engine.request('PATCH', `${RECORDS}/${shipment._id}`, { ...shipment, freight: 216 });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body).to.include({ freight: 216, freight__corporate: 233.28, cost_per_kg: 19.44, _version: shipment._version + 1, number: shipment.number });
  });

  const changes: [does: string, field: string, value: (record: Record<string, any>) => unknown][] = [
    ['a formula', 'cost_per_kg', (record) => record.cost_per_kg + 1],
    ['a roll-up', 'parcels_kg', () => 1],
    ['an auto-number', 'number', () => 'SH-9999'],
    ['a converted amount', 'freight__corporate', () => 1],
    ['the version', '_version', (record) => record._version + 5],
    ['the creation time', '_createdAt', () => '2000-01-01T00:00:00.000Z'],
    ['the owner', '_owner', () => 'someone-else'],
    ['the expanded parents, with a relation that is none', '_expanded', () => ({ carrier: null, secret: {} })],
  ];
  for (const [does, field, value] of changes) {
    it(`refuses a GET body with ${does} changed, with 400 naming '${field}', writing nothing`, async () => {
      const shipment = await newShipment();
      const before = await allRecords(engine, 'shipment');
      const response = await engine.request('PATCH', `${RECORDS}/${shipment._id}`, { ...shipment, title: 'Edited too', [field]: value(shipment) });
      expectError(response, 400, 'validation_failed');
      expect(detailPaths(response)).to.deep.equal([`/${field}`]);
      expect(await allRecords(engine, 'shipment')).to.deep.equal(before);
    });
  }

  it('ignores a field the user may read but not edit when sent back unchanged, and refuses it with 403 when changed', async () => {
    const created = await clerk.as('POST', RECORDS, { title: 'Clerk shipment', freight: 10, currency_code: 'USD' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const shipment = await read(created.body._id, '', clerk);
    expect(shipment).to.include({ priority: 'normal' }).and.not.have.property('internal_note');

    const edited = await clerk.as('PATCH', `${RECORDS}/${shipment._id}`, { ...shipment, weight_kg: 4 });
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
    expect(edited.body).to.include({ weight_kg: 4, priority: 'normal', cost_per_kg: 2.5 });

    const forced = await clerk.as('PATCH', `${RECORDS}/${shipment._id}`, { ...edited.body, priority: 'express' });
    expect(expectError(forced, 403, 'forbidden')).to.deep.equal([{ path: '/priority', message: 'is a field you may not edit' }]);
  });

  it('refuses a field the user may not read even when its value is the stored one, so nothing can be learnt from the answer', async () => {
    const shipment = await newShipment({ internal_note: 'fragile' });
    const response = await clerk.as('PATCH', `${RECORDS}/${shipment._id}`, { internal_note: 'fragile' });
    expect(expectError(response, 403, 'forbidden')).to.deep.equal([{ path: '/internal_note', message: 'is a field you may not edit' }]);
  });

  it('copies a record from the body of its GET: a new id, version 1, a new number, the caller as owner, computed values computed anew', async () => {
    const original = await newShipment({ title: 'Original' });
    const copy = await clerk.as('POST', RECORDS, { ...original, title: 'Copy' });
    expect(copy.status, JSON.stringify(copy.body)).to.equal(201);
    expect(copy.body._id).to.not.equal(original._id);
    expect(copy.body).to.include({ _version: 1, _owner: clerk.id, title: 'Copy', freight: 100, freight__corporate: 108, cost_per_kg: 9, parcels_kg: 0, priority: 'normal' });
    expect(Number(copy.body.number.slice(3))).to.be.greaterThan(Number(original.number.slice(3)));
    expect(copy.body).to.not.have.property('_expanded');
  });

  it('refuses a copy whose computed values were changed, or whose _id names no record the user may read', async () => {
    const original = await newShipment({ title: 'Original' });
    const changed = await engine.request('POST', RECORDS, { ...original, cost_per_kg: 1 });
    expectError(changed, 400, 'validation_failed');
    expect(detailPaths(changed)).to.deep.equal(['/cost_per_kg']);
    const unknown = await engine.request('POST', RECORDS, { ...original, _id: '0123456789abcdef01234567' });
    expectError(unknown, 400, 'validation_failed');
    expect(detailPaths(unknown)).to.deep.equal(['/_createdAt', '/_createdBy', '/_expanded', '/_id', '/_owner', '/_updatedAt', '/_updatedBy', '/_version', '/cost_per_kg', '/freight__corporate', '/number', '/parcels_kg']);
  });

  it('lets a user send their own user record back as read with a personal setting changed, and nothing else', async () => {
    const own = await clerk.as('GET', `/api/v1/records/user/${clerk.id}`);
    expect(own.status, JSON.stringify(own.body)).to.equal(200);
    const changed = await clerk.as('PATCH', `/api/v1/records/user/${clerk.id}`, { ...own.body, time_zone: 'Asia/Shanghai' });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    expect(changed.body).to.include({ time_zone: 'Asia/Shanghai', _version: own.body._version + 1 });
    expect(changed.body.permission_sets).to.deep.equal(own.body.permission_sets);

    const promoted = await clerk.as('PATCH', `/api/v1/records/user/${clerk.id}`, { ...changed.body, permission_sets: ['admin'] });
    expectError(promoted, 403, 'forbidden');
    expect((await clerk.as('GET', `/api/v1/records/user/${clerk.id}`)).body.permission_sets).to.deep.equal(own.body.permission_sets);
  });
});
