import { expect } from 'chai';
import { defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const META = '/api/v1/meta';

/**
 * Two admins editing one definition: each read carries an ETag, each change may send it back in
 * If-Match, and a change based on what is no longer current is refused with 412, changing nothing.
 */
describe('metadata changes conditional on what the editor read (If-Match)', () => {
  let engine: TestEngine;
  const ok = (response: TestResponse, status = 200) => {
    expect(response.status, JSON.stringify(response.body)).to.equal(status);
    return response.body;
  };
  const ifMatch = (etag: string) => ({ 'If-Match': etag });
  const read = async (path: string) => {
    const response = await engine.request('GET', path);
    const body = ok(response);
    expect(response.headers.get('etag'), 'the ETag header').to.equal(body.etag);
    expect(body.etag).to.match(/^"[A-Za-z0-9_-]+"$/);
    return body;
  };

  before(async () => {
    engine = await startTestEngine();
    ok(
      await defineObject(engine, {
        name: 'im_ticket',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'priority', type: 'picklist', values: ['low', 'high'] },
          { name: 'notes', type: 'longtext' },
        ],
      }),
      201,
    );
  });
  after(() => engine.stop());

  it('refuses a role change read before another admin changed the role, and applies one read after', async () => {
    ok(await engine.request('POST', `${META}/roles`, { name: 'im_agent', label: { en: 'Agent' } }), 201);
    const first = await read(`${META}/roles/im_agent`);
    const second = await read(`${META}/roles/im_agent`);
    expect(second.etag, 'an unchanged definition keeps its tag').to.equal(first.etag);

    ok(await engine.request('PUT', `${META}/roles/im_agent`, { name: 'im_agent', label: { en: 'Support agent' } }, ifMatch(first.etag)));
    const refused = await engine.request('PUT', `${META}/roles/im_agent`, { name: 'im_agent', label: { en: 'Agent', 'zh-CN': '客服' } }, ifMatch(second.etag));
    expectError(refused, 412, 'definition_changed');
    expect(refused.body.error.message).to.match(/role 'im_agent' was changed by someone else since you opened it/);
    expect((await read(`${META}/roles/im_agent`)).definition.label, 'the refused change wrote nothing').to.deep.equal({ en: 'Support agent' });

    const fresh = await read(`${META}/roles/im_agent`);
    expect(fresh.etag).to.not.equal(first.etag);
    ok(await engine.request('PUT', `${META}/roles/im_agent`, { name: 'im_agent', label: { en: 'Agent', 'zh-CN': '客服' } }, ifMatch(fresh.etag)));
    // The list gives the same tags as the reads, for editors that open a definition from the list.
    const list = ok(await engine.request('GET', `${META}/roles`));
    expect(list.etags.im_agent).to.equal((await read(`${META}/roles/im_agent`)).etag);
  });

  it('says so in the admin\'s language, and refuses a delete of what changed since', async () => {
    ok(await engine.request('POST', `${META}/groups`, { name: 'im_desk', label: { en: 'Desk' } }), 201);
    const stale = (await read(`${META}/groups/im_desk`)).etag;
    ok(await engine.request('PUT', `${META}/groups/im_desk`, { name: 'im_desk', label: { en: 'Help desk' } }));
    const refused = await engine.request('DELETE', `${META}/groups/im_desk`, undefined, { ...ifMatch(stale), 'Accept-Language': 'zh-CN' });
    expectError(refused, 412, 'definition_changed');
    expect(refused.body.error.message).to.match(/组 'im_desk' 在你打开后已被他人修改/);
    ok(await engine.request('GET', `${META}/groups/im_desk`));
  });

  it('keeps a field\'s tag while another field of its object changes, and refuses a change of the field itself read before', async () => {
    const object = await read(`${META}/objects/im_ticket`);
    const priority = object.fieldEtags.priority as string;
    expect((await read(`${META}/objects/im_ticket/fields/priority`)).etag).to.equal(priority);

    // Another admin edits the notes field: the priority field is as it was read, so its change lands.
    ok(await engine.request('PATCH', `${META}/objects/im_ticket/fields/notes`, { label: { en: 'Internal notes' } }, ifMatch(object.fieldEtags.notes)));
    ok(await engine.request('PATCH', `${META}/objects/im_ticket/fields/priority`, { values: ['low', 'high', 'urgent'] }, ifMatch(priority)));

    // The priority read before that change is stale now, for a field change and for the field's delete.
    expectError(await engine.request('PUT', `${META}/objects/im_ticket/fields/priority`, { name: 'priority', type: 'picklist', values: ['low', 'high'] }, ifMatch(priority)), 412, 'definition_changed');
    expectError(await engine.request('DELETE', `${META}/objects/im_ticket/fields/priority`, undefined, ifMatch(priority)), 412, 'definition_changed');
    expect((await read(`${META}/objects/im_ticket/fields/priority`)).definition.values.map((value: { value: string } | string) => (typeof value === 'string' ? value : value.value))).to.deep.equal(['low', 'high', 'urgent']);

    // The object's own tag covers the whole object: read before the field changes, a PATCH of it is refused.
    expectError(await engine.request('PATCH', `${META}/objects/im_ticket`, { label: { en: 'Ticket' } }, ifMatch(object.etag)), 412, 'definition_changed');
    ok(await engine.request('PATCH', `${META}/objects/im_ticket`, { label: { en: 'Ticket' } }, ifMatch((await read(`${META}/objects/im_ticket`)).etag)));
  });

  it('answers each write with the tag of what it stored, so an editor left open saves again without reading', async () => {
    const created = ok(await engine.request('POST', `${META}/roles`, { name: 'im_open', label: { en: 'Open' } }), 201);
    expect(created.etag).to.equal((await read(`${META}/roles/im_open`)).etag);
    const saved = ok(await engine.request('PUT', `${META}/roles/im_open`, { name: 'im_open', label: { en: 'Open 2' } }, ifMatch(created.etag)));
    ok(await engine.request('PUT', `${META}/roles/im_open`, { name: 'im_open', label: { en: 'Open 3' } }, ifMatch(saved.etag)));
    const field = ok(await engine.request('PATCH', `${META}/objects/im_ticket/fields/title`, { maxLength: 100 }));
    expect(field.etag).to.equal((await read(`${META}/objects/im_ticket`)).fieldEtags.title);
    ok(await engine.request('PATCH', `${META}/objects/im_ticket/fields/title`, { maxLength: 120 }, ifMatch(field.etag)));
  });

  it('refuses a change of a definition deleted since it was read, and creates nothing', async () => {
    ok(await engine.request('POST', `${META}/roles`, { name: 'im_gone', label: { en: 'Gone' } }), 201);
    const etag = (await read(`${META}/roles/im_gone`)).etag;
    ok(await engine.request('DELETE', `${META}/roles/im_gone`));
    const refused = await engine.request('PUT', `${META}/roles/im_gone`, { name: 'im_gone', label: { en: 'Back' } }, ifMatch(etag));
    expectError(refused, 412, 'definition_changed');
    expect(refused.body.error.message).to.match(/was deleted by someone else/);
    expectError(await engine.request('GET', `${META}/roles/im_gone`), 404);
  });

  it('accepts * for "as long as it exists", a weak tag, and no header at all; refuses a malformed one at its header', async () => {
    ok(await engine.request('POST', `${META}/roles`, { name: 'im_any', label: { en: 'Any' } }), 201);
    ok(await engine.request('PUT', `${META}/roles/im_any`, { name: 'im_any', label: { en: 'Any 2' } }, ifMatch('*')));
    const etag = (await read(`${META}/roles/im_any`)).etag;
    ok(await engine.request('PUT', `${META}/roles/im_any`, { name: 'im_any', label: { en: 'Any 3' } }, ifMatch(`W/${etag}`)));
    ok(await engine.request('PUT', `${META}/roles/im_any`, { name: 'im_any', label: { en: 'Any 4' } }));
    const details = expectError(await engine.request('PUT', `${META}/roles/im_any`, { name: 'im_any', label: { en: 'Any 5' } }, ifMatch('yesterday')), 400, 'validation_failed');
    expect(details.map((detail) => detail.path)).to.deep.equal(['/headers/if-match']);
    expect((await read(`${META}/roles/im_any`)).definition.label).to.deep.equal({ en: 'Any 4' });
  });

  it('lets exactly one of two changes sent at once with the same tag land', async () => {
    ok(await engine.request('POST', `${META}/roles`, { name: 'im_race', label: { en: 'Race' } }), 201);
    const etag = (await read(`${META}/roles/im_race`)).etag;
    const answers = await Promise.all(
      ['A', 'B', 'C', 'D'].map((letter) => engine.request('PUT', `${META}/roles/im_race`, { name: 'im_race', label: { en: `Race ${letter}` } }, ifMatch(etag))),
    );
    expect(answers.map((answer) => answer.status).sort()).to.deep.equal([200, 412, 412, 412]);
    const winner = answers.findIndex((answer) => answer.status === 200);
    expect((await read(`${META}/roles/im_race`)).definition.label).to.deep.equal({ en: `Race ${'ABCD'[winner]}` });
  });

  it('tags a currency the same way', async () => {
    ok(await engine.request('PUT', `${META}/currencies/usd`, { corporate: true }));
    const stale = (await read(`${META}/currencies/usd`)).etag;
    ok(await engine.request('PUT', `${META}/currencies/eur`, { rates: [{ from: '2000-01-01', rate: 1.1 }] }));
    // Another currency changed: this one keeps its tag.
    const same = (await read(`${META}/currencies/usd`)).etag;
    expect(same).to.equal(stale);
    ok(await engine.request('PUT', `${META}/currencies/usd`, { corporate: true, rates: [] }, ifMatch(same)));
    expectError(await engine.request('PUT', `${META}/currencies/usd`, { corporate: true }, ifMatch(same)), 412, 'definition_changed');
  });
});
