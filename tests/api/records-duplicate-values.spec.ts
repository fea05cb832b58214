import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PASSWORD = 'a password of a duplicates test';
const SECRET_CODE = 'CONFIDENTIAL-7731';

/** A clash with a unique value names the field, never the value: it may be one the user cannot see. */
describe('unique values: a clash names the field, not the value', () => {
  let engine: TestEngine;
  let repToken: string;
  const rep = (method: string, path: string, body?: unknown) => engine.request(method, path, body, bearer(repToken));

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'contract',
      sharing: 'private',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'code', type: 'text', unique: true },
        { name: 'slot', type: 'text', unique: true, default: 'DEFAULT-SLOT-42' },
        { name: 'note', type: 'text' },
      ],
    });
    const set = { name: 'contract_user', objects: { contract: { create: true, read: true, edit: true } } };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
    await createUser(engine, { full_name: 'Rae Rep', email: 'rae@example.com', permission_sets: ['standard_user', 'contract_user'] }, PASSWORD);
    repToken = await tokenFor(engine, 'rae@example.com', PASSWORD);
    // The administrator's record: private, so the rep cannot see it, nor its code or slot.
    await createRecord(engine, 'contract', { name: 'Hidden', code: SECRET_CODE });
  });
  after(() => engine.stop());

  it('answers 409 at the field for a value held by a record the user cannot see, without quoting it', async () => {
    const response = await rep('POST', '/api/v1/records/contract', { name: 'Mine', code: SECRET_CODE });
    const details = expectError(response, 409, 'duplicate_value');
    expect(details.map((detail) => detail.path)).to.deep.equal(['/code']);
    expect(details[0]!.message).to.include('already has this code');
    expect(JSON.stringify(response.body)).to.not.include(SECRET_CODE);
  });

  it('does not quote a value the user did not send (a default) either', async () => {
    const first = await rep('POST', '/api/v1/records/contract', { name: 'Second', code: 'MINE-1', slot: 'MINE-SLOT' });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    const response = await rep('POST', '/api/v1/records/contract', { name: 'Third', code: 'MINE-2' });
    const details = expectError(response, 409, 'duplicate_value');
    expect(details.map((detail) => detail.path)).to.deep.equal(['/slot']);
    expect(JSON.stringify(response.body)).to.not.include('DEFAULT-SLOT-42');
  });

  it('does not quote the clashing value on an update', async () => {
    const mine = await rep('POST', '/api/v1/records/contract', { name: 'Fourth', code: 'MINE-3', slot: 'MINE-SLOT-3' });
    const response = await rep('PATCH', `/api/v1/records/contract/${mine.body._id}`, { code: SECRET_CODE });
    expectError(response, 409, 'duplicate_value');
    expect(JSON.stringify(response.body)).to.not.include(SECRET_CODE);
  });

  it('keeps stored values out of the answer when a field cannot be made unique or change type', async () => {
    await createRecord(engine, 'contract', { name: 'Twin A', note: 'TWIN-NOTE-9', slot: 'A' });
    await createRecord(engine, 'contract', { name: 'Twin B', note: 'TWIN-NOTE-9', slot: 'B' });
    const unique = await engine.request('PATCH', '/api/v1/meta/objects/contract/fields/note', { unique: true });
    expectError(unique, 409, 'duplicate_values');
    expect(JSON.stringify(unique.body)).to.not.include('TWIN-NOTE-9');
    const retyped = await engine.request('PUT', '/api/v1/meta/objects/contract/fields/note', { name: 'note', type: 'number' });
    const details = expectError(retyped, 409, 'incompatible_values');
    expect(details[0]!.path).to.match(/^\/records\/[0-9a-f]{24}\/note$/);
    expect(JSON.stringify(retyped.body)).to.not.include('TWIN-NOTE-9');
  });
});
