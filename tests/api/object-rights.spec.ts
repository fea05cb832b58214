import { expect } from 'chai';
import { defineObject } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const PASSWORD = 'an ordinary user password';
const NONE = { create: false, read: false, edit: false, delete: false, viewAll: false, modifyAll: false };

/** GET /meta/objects tells each user what they may do with each object's records, so the web app offers nothing the server refuses. */
describe('object rights in the metadata answer', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'ticket', fields: [{ name: 'title', type: 'text' }] });
    await defineObject(engine, { name: 'invoice', fields: [{ name: 'number', type: 'text' }] });
    await defineObject(engine, { name: 'payroll', fields: [{ name: 'salary', type: 'number' }] });
    const sets = [
      { name: 'ticket_reader', objects: { ticket: { read: true } } },
      { name: 'invoice_clerk', objects: { invoice: { read: true, create: true, edit: true } } },
      { name: 'invoice_boss', objects: { invoice: { read: true, delete: true, modifyAll: true } } },
    ];
    for (const set of sets) expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
    await createUser(engine, { full_name: 'Rita Reader', email: 'rita@example.com', permission_sets: ['ticket_reader', 'invoice_clerk', 'invoice_boss'] }, PASSWORD);
  });
  after(() => engine.stop());

  it('gives a user the union of their sets for each object they may read (modify all brings view all), and nothing for the others', async () => {
    const answer = await engine.request('GET', '/api/v1/meta/objects', undefined, bearer(await tokenFor(engine, 'rita@example.com', PASSWORD)));
    expect(answer.status).to.equal(200);
    expect(answer.body.objects.map((object: { name: string }) => object.name).sort()).to.deep.equal(['invoice', 'ticket']);
    expect(answer.body.rights).to.deep.equal({
      ticket: { ...NONE, read: true },
      invoice: { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true },
    });
  });

  it('gives an administrator every right on every object', async () => {
    const answer = await engine.request('GET', '/api/v1/meta/objects');
    const all = { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true };
    for (const name of ['ticket', 'invoice', 'payroll']) expect(answer.body.rights[name], name).to.deep.equal(all);
    expect(Object.keys(answer.body.rights).sort()).to.deep.equal(answer.body.objects.map((object: { name: string }) => object.name).sort());
  });
});
