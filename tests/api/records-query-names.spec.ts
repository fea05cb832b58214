import { expect } from 'chai';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Names JavaScript objects inherit: none of them is a field, a relation or a sort of anything. */
const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/**
 * Every query parameter that names fields, relations or objects refuses a name that is not one
 * (400 naming the parameter and the name), inherited names included, with a hint when one is near.
 */
describe('names in query parameters: only real ones', () => {
  let engine: TestEngine;
  let id: string;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'deal',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'amount', type: 'number' },
        { name: 'stage', type: 'picklist', values: ['open', 'won'] },
        { name: 'contact', type: 'lookup', target: 'user' },
      ],
    });
    id = (await createRecord(engine, 'deal', { name: 'First', amount: 5, stage: 'open' }))._id;
  });
  after(() => engine.stop());

  const routes: [parameter: string, path: (name: string) => string][] = [
    ['expand', (name) => `/api/v1/records/deal?expand=${name}`],
    ['expand', (name) => `/api/v1/records/deal/${id}?expand=${name}`],
    ['expand', (name) => `/api/v1/records/deal/export?expand=${name}`],
    ['sort', (name) => `/api/v1/records/deal?sort=${name}`],
    ['sort', (name) => `/api/v1/records/deal?sort=-${name}`],
    ['sort', (name) => `/api/v1/records/deal/export?sort=${name}`],
    ['sort', (name) => `/api/v1/approvals/inbox?sort=${name}`],
    ['fields', (name) => `/api/v1/records/deal?fields=name,${name}`],
    ['fields', (name) => `/api/v1/records/deal/${id}?fields=${name}`],
    ['fields', (name) => `/api/v1/records/deal/export?fields=${name}`],
    ['groupBy', (name) => `/api/v1/records/deal/summary?groupBy=${name}`],
    ['measures', (name) => `/api/v1/records/deal/summary?measures=sum:${name}`],
    ['object', (name) => `/api/v1/meta/layouts?object=${name}`],
  ];

  for (const name of INHERITED) {
    it(`refuses '${name}' in every parameter that takes a name, with 400 naming the parameter and the name`, async () => {
      for (const [parameter, path] of routes) {
        const response = await engine.request('GET', path(encodeURIComponent(name)));
        const details = expectError(response, 400, 'validation_failed');
        expect(details.map((detail) => detail.path), path(name)).to.include(`/${parameter}`);
        expect(details.find((detail) => detail.path === `/${parameter}`)!.message, path(name)).to.include(`'${name}'`);
      }
    });
  }

  it('suggests the nearest real name for a misspelt one', async () => {
    const cases: [path: string, suggestion: string][] = [
      ['/api/v1/records/deal?sort=amonut', 'amount'],
      ['/api/v1/records/deal?fields=stgae', 'stage'],
      ['/api/v1/records/deal?expand=contcat', 'contact'],
      ['/api/v1/records/deal/summary?groupBy=stag', 'stage'],
      ['/api/v1/meta/layouts?object=dael', 'deal'],
    ];
    for (const [path, suggestion] of cases) {
      const details = expectError(await engine.request('GET', path), 400, 'validation_failed');
      expect(details[0]!.message, path).to.include(`did you mean '${suggestion}'?`);
    }
  });

  it('refuses __proto__ as a field of a record body instead of dropping it', async () => {
    for (const [method, path] of [['POST', '/api/v1/records/deal'], ['PATCH', `/api/v1/records/deal/${id}`]] as const) {
      const response = await engine.request(method, path, '{"name":"Polluted","__proto__":{"amount":1}}');
      const details = expectError(response, 400, 'validation_failed');
      expect(details.map((detail) => detail.path)).to.deep.equal(['/__proto__']);
    }
    expect((await engine.request('GET', `/api/v1/records/deal/${id}`)).body.name).to.equal('First');
  });

  it('still accepts the real names', async () => {
    for (const path of ['/api/v1/records/deal?sort=-amount&fields=name,amount&expand=contact,owner', `/api/v1/records/deal/${id}?expand=owner`, '/api/v1/records/deal/summary?groupBy=stage&measures=sum:amount', '/api/v1/meta/layouts?object=deal', '/api/v1/approvals/inbox?sort=-age']) {
      expect((await engine.request('GET', path)).status, path).to.equal(200);
    }
  });
});
