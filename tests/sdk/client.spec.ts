import { expect } from 'chai';
import { ApiError, createClient, type CrmClient } from '../../sdk/client.js';
import { defineObject } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Written by hand here, as a consultant may do for one object without running typegen. */
interface Ticket {
  _id: string;
  _version: number;
  subject?: string;
  priority?: 'low' | 'high';
  hours?: number;
}
interface Objects {
  ticket: { read: Ticket; create: Omit<Ticket, '_id' | '_version'> & { subject: string }; update: { subject?: string | null; priority?: 'low' | 'high' | null; hours?: number | null } };
}

/** A fetch that records what the client sent, then asks the real one. */
function recordingFetch(sent: Array<{ url: string; init: RequestInit | undefined }>): typeof fetch {
  return async (input, init) => {
    sent.push({ url: String(input), init });
    return fetch(input, init);
  };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  return expect.fail('expected the API to refuse the request');
}

describe('sdk: the client against the records API', function () {
  this.timeout(30_000);
  let engine: TestEngine;
  const auth = () => ({ authorization: `Bearer ${engine.token}` });
  let crm: CrmClient<Objects>;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'ticket',
      fields: [
        { name: 'subject', type: 'text', required: true },
        { name: 'priority', type: 'picklist', values: ['low', 'high'] },
        { name: 'hours', type: 'number', min: 0 },
      ],
    });
    crm = createClient<Objects>({ baseUrl: `${engine.url}/`, headers: auth() });
    for (let hours = 1; hours <= 5; hours++) {
      await crm.records('ticket').create({ subject: `Ticket ${hours}`, priority: hours % 2 === 0 ? 'high' : 'low', hours });
    }
  });

  after(async () => {
    await engine?.stop();
  });

  it('follows the cursors through every page with listAll', async () => {
    const pages = [];
    for await (const page of crm.records('ticket').listAll({ sort: 'hours', limit: 2, fields: ['hours'] })) pages.push(page);
    expect(pages.map((page) => page.records.map((record) => record.hours))).to.deep.equal([[1, 2], [3, 4], [5]]);
    expect(pages.at(-1)?.next).to.equal(null);
  });

  it('sends the filter as JSON, a sort list comma-joined, the fields, limit and total', async () => {
    const sent: Array<{ url: string; init: RequestInit | undefined }> = [];
    const client = createClient<Objects>({ baseUrl: engine.url, fetch: recordingFetch(sent), headers: { 'x-request-id': 'sdk-test', ...auth() } });
    const page = await client.records('ticket').list({
      filter: { or: [{ priority: 'high' }, { hours: { gte: 5 } }], subject: { startsWith: 'Ticket' } },
      sort: ['-hours', 'subject'],
      fields: ['subject'],
      limit: 10,
      total: true,
    });
    expect(page.records.map((record) => record.subject)).to.deep.equal(['Ticket 5', 'Ticket 4', 'Ticket 2']);
    expect(page.total).to.equal(3);
    const url = new URL(String(sent[0]?.url));
    expect(url.pathname).to.equal('/api/v1/records/ticket');
    expect(JSON.parse(String(url.searchParams.get('filter')))).to.deep.equal({ or: [{ priority: 'high' }, { hours: { gte: 5 } }], subject: { startsWith: 'Ticket' } });
    expect(Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'filter'))).to.deep.equal({ sort: '-hours,subject', fields: 'subject', limit: '10', total: 'true' });
    expect(sent[0]?.init?.headers).to.include({ 'x-request-id': 'sdk-test', accept: 'application/json' });
  });

  it('gets one record with only the selected fields', async () => {
    const [first] = (await crm.records('ticket').list({ limit: 1, sort: 'hours' })).records;
    const record = await crm.records('ticket').get(String(first?._id), { fields: ['priority'] });
    expect(record).to.deep.equal({ _id: first?._id, _version: 1, priority: 'low' });
  });

  it('takes If-Match as a version number or as the ETag the API sent', async () => {
    const tickets = crm.records('ticket');
    const created = await tickets.create({ subject: 'Versions' });
    const second = await tickets.update(created._id, { hours: 2 }, { ifMatch: 1 });
    const third = await tickets.update(created._id, { hours: 3 }, { ifMatch: '"2"' });
    expect([second._version, third._version]).to.deep.equal([2, 3]);
    const stale = await refusal(tickets.delete(created._id, { ifMatch: 2 }));
    expect(stale).to.include({ status: 412, code: 'version_conflict' });
    await tickets.delete(created._id, { ifMatch: third._version });
  });

  it('throws the API error with its status, code, message and every detail', async () => {
    const untyped = createClient({ baseUrl: engine.url, headers: auth() });
    const invalid = await refusal(untyped.records('ticket').create({ hours: 'many' }));
    expect(invalid).to.include({ status: 400, code: 'validation_failed', name: 'ApiError' });
    expect(invalid.message).to.be.a('string').and.not.equal('');
    expect(invalid.details.map((detail) => detail.path).sort()).to.deep.equal(['/hours', '/subject']);

    const unknown = await refusal(untyped.records('no_such_object').list());
    expect(unknown).to.include({ status: 404, code: 'not_found' });
  });

  it('lists without generated types too, any field name taking any condition', async () => {
    const untyped = createClient({ baseUrl: engine.url, headers: auth() });
    const page = await untyped.records('ticket').list({ filter: { hours: { gte: 4 }, priority: 'high' }, sort: ['-hours'], fields: ['hours'] });
    const hours: unknown[] = page.records.map((record) => record.hours);
    const ids: string[] = page.records.map((record) => record._id);
    expect(hours).to.deep.equal([4]);
    expect(ids).to.have.length(1);
  });

  it('reports a response that is not the API error shape by its status', async () => {
    const gateway: typeof fetch = async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const error = await refusal(createClient<Objects>({ baseUrl: engine.url, fetch: gateway, headers: auth() }).records('ticket').list());
    expect(error).to.include({ status: 502, code: 'http_error' });
    expect(error.message).to.contain('502 Bad Gateway').and.contain('Bad gateway');
    expect(error.details).to.deep.equal([]);
  });
});
