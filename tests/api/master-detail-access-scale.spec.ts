import { expect } from 'chai';
import { setMasterIdsCap } from '../../engine/security/access/master-filter.js';
import { defineObject, expectError } from '../support/api-helpers.js';
import { createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Small enough that a few hundred masters reach every side of it (the engine runs in this process). */
const CAP = 30;
const PASSWORD = 'a password long enough';
const OWNED = { wide: 260, narrow: 40 };

/**
 * Details controlled by their master, over many masters: whichever way the engine names the
 * reached masters (their ids, or the ids of the others when those are fewer), a user sees, counts
 * and reaches exactly the details of the masters they may read.
 */
describe('master-detail access over many masters', function () {
  this.timeout(120_000);
  let engine: TestEngine;
  const tokens: Record<string, string> = {};
  const detailsOf: Record<string, string[]> = { wide: [], narrow: [] };
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const ok = async (method: string, path: string, body: unknown, who: string) => {
    const response = await engine.request(method, path, body, as(who));
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    return response.body as { _id: string };
  };
  const visible = async (who: string, query = '') => {
    const response = await engine.request('GET', `/api/v1/records/cl_line?total=true&limit=1${query}`, undefined, as(who));
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.total as number;
  };
  const listed = async (who: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await engine.request('GET', `/api/v1/records/cl_line?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, as(who));
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      ids.push(...response.body.records.map((record: { _id: string }) => record._id));
      cursor = response.body.next;
    } while (cursor);
    return ids.sort();
  };

  before(async () => {
    setMasterIdsCap(CAP);
    engine = await startTestEngine();
    await defineObject(engine, { name: 'cl_account', sharing: 'private', fields: [{ name: 'name', type: 'text' }] });
    await defineObject(engine, { name: 'cl_line', fields: [{ name: 'name', type: 'text' }, { name: 'account', type: 'masterdetail', target: 'cl_account' }] });
    const crud = { create: true, read: true, edit: true, delete: true };
    for (const [name, objects] of [
      ['cl_sales', { cl_account: crud, cl_line: crud }],
      ['cl_auditor', { cl_account: { read: true, viewAll: true }, cl_line: { read: true } }],
    ] as const) {
      const set = await engine.request('POST', '/api/v1/meta/permission-sets', { name, objects });
      expect(set.status, JSON.stringify(set.body)).to.equal(201);
    }
    for (const [who, set] of [['wide', 'cl_sales'], ['narrow', 'cl_sales'], ['auditor', 'cl_auditor']] as const) {
      await createUser(engine, { full_name: who, email: `${who}@example.com`, permission_sets: [set] }, PASSWORD);
      tokens[who] = await tokenFor(engine, `${who}@example.com`, PASSWORD);
    }
    for (const who of ['wide', 'narrow'] as const) {
      for (let n = 0; n < OWNED[who]; n++) {
        const account = await ok('POST', '/api/v1/records/cl_account', { name: `${who} ${n}` }, who);
        detailsOf[who]!.push((await ok('POST', '/api/v1/records/cl_line', { name: `${who} line ${n}`, account: account._id }, who))._id);
      }
    }
  });
  after(async () => {
    setMasterIdsCap();
    await engine.stop();
  });

  it('lists and counts exactly the details of the masters each user reads, on either side of the cap', async () => {
    // wide reads 260 masters, 40 not (both above the cap); narrow reads 40 of 300 (above the cap, the others too).
    expect(await visible('wide')).to.equal(OWNED.wide);
    expect(await visible('narrow')).to.equal(OWNED.narrow);
    expect(await listed('wide')).to.deep.equal([...detailsOf.wide!].sort());
    expect(await listed('narrow')).to.deep.equal([...detailsOf.narrow!].sort());
    // view all on the master: every detail, with no master filter at all
    expect(await visible('auditor')).to.equal(OWNED.wide + OWNED.narrow);
  });

  it("reaches one detail by id only through its master, and filters combine with the master's filter", async () => {
    const theirs = detailsOf.narrow![0]!;
    expectError(await engine.request('GET', `/api/v1/records/cl_line/${theirs}`, undefined, as('wide')), 404);
    expect((await engine.request('GET', `/api/v1/records/cl_line/${theirs}`, undefined, as('narrow'))).status).to.equal(200);
    expectError(await engine.request('PATCH', `/api/v1/records/cl_line/${theirs}`, { name: 'taken' }, as('wide')), 404);
    const filter = encodeURIComponent(JSON.stringify({ name: { startsWith: 'narrow line 1' } }));
    expect(await visible('wide', `&filter=${filter}`)).to.equal(0);
    expect(await visible('narrow', `&filter=${filter}`)).to.equal(11);
  });

  it('a master moved to the recycle bin takes its details out of view for everyone, whichever side names it', async () => {
    const lines = await engine.request('GET', `/api/v1/records/cl_line/${detailsOf.wide![5]}`, undefined, as('wide'));
    const account = lines.body.account as string;
    expect((await engine.request('DELETE', `/api/v1/records/cl_account/${account}`, undefined, as('wide'))).status).to.equal(204);
    expect(await visible('wide')).to.equal(OWNED.wide - 1);
    expect(await visible('auditor')).to.equal(OWNED.wide + OWNED.narrow - 1);
    expect((await engine.request('POST', `/api/v1/recycle-bin/cl_account/${account}/restore`, undefined, as('wide'))).status).to.equal(200);
    expect(await visible('wide')).to.equal(OWNED.wide);
  });
});
