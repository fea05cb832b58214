import { expect } from 'chai';
import { addPerson, personOn, type Person } from '../support/approval-fixtures.js';
import { expectError } from '../support/api-helpers.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';
import type { TestResponse } from '../support/test-engine.js';

const ok = (response: TestResponse, status = 200) => {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  return response.body;
};

type Team = Record<'creator' | 'east1' | 'east2' | 'east3' | 'west1' | 'west2' | 'outsider', Person>;

/**
 * Assignment rules (criteria → a user, a queue, or round robin over a group) applied on create and
 * on request, and queues as owners whose members see, edit and take the records: over the real
 * server and store, restarted on the same data.
 */
describe('assignment rules and queues', () => {
  let engine: ConfiguredEngine;
  let team: Team;
  const eastTeam = () => [team.east1.id, team.east2.id, team.east3.id].sort();
  const open = async (who: Person, values: Record<string, unknown>) => ok(await who.as('POST', '/api/v1/records/case', values), 201) as Record<string, any>;
  const ownerOf = async (id: string) => (ok(await engine.request('GET', `/api/v1/records/case/${id}`)) as { _owner: string })._owner;
  const listed = async (who: Person) => ((ok(await who.as('GET', '/api/v1/records/case?limit=200')).records as { _id: string }[]).map((record) => record._id));

  before(async () => {
    engine = await startConfiguredEngine({ http: { rateLimits: { loginPerMinute: 10_000, apiPerMinute: 1_000_000 } } });
    ok(
      await engine.request('POST', '/api/v1/meta/objects', {
        name: 'case',
        sharing: 'private',
        fields: [
          { name: 'subject', type: 'text', required: true },
          { name: 'region', type: 'picklist', values: ['east', 'west', 'north', 'south'] },
        ],
      }),
      201,
    );
    ok(await engine.request('POST', '/api/v1/meta/permission-sets', { name: 'service', objects: { case: { create: true, read: true, edit: true } } }), 201);
    const people: Partial<Team> = {};
    for (const key of ['creator', 'east1', 'east2', 'east3', 'west1', 'west2', 'outsider'] as const) people[key] = await addPerson(engine, key, { permission_sets: ['standard_user', 'service'] });
    team = people as Team;
    ok(await engine.request('POST', '/api/v1/meta/groups', { name: 'east_team', users: [team.east1.id, team.east2.id, team.east3.id] }), 201);
    ok(await engine.request('POST', '/api/v1/meta/groups', { name: 'west_queue', label: { en: 'West queue', 'zh-CN': '西区队列' }, users: [team.west1.id, team.west2.id] }), 201);
    ok(
      await engine.request('POST', '/api/v1/meta/assignment-rules', {
        name: 'case_routing',
        object: 'case',
        entries: [
          { condition: "region = 'east'", assignTo: { roundRobin: 'east_team' } },
          { condition: "region = 'west'", assignTo: { queue: 'west_queue' } },
          { condition: "region = 'north'", assignTo: { user: team.east1.id } },
        ],
      }),
      201,
    );
  });
  after(() => engine.stop(true));

  it('gives new records to the members of a group in turn, and keeps the turn across a restart of the engine', async () => {
    const owners: string[] = [];
    for (let n = 0; n < 4; n++) owners.push((await open(team.creator, { subject: `East ${n}`, region: 'east' }))._owner);
    const order = eastTeam();
    const start = order.indexOf(owners[0]!);
    expect(owners).to.deep.equal([0, 1, 2, 3].map((n) => order[(start + n) % 3]));
    const dataDir = engine.dataDir;
    await engine.stop();
    engine = await startConfiguredEngine({ http: { rateLimits: { loginPerMinute: 10_000, apiPerMinute: 1_000_000 } } }, dataDir);
    for (const key of Object.keys(team) as (keyof Team)[]) team[key] = personOn(engine, team[key]);
    expect((await open(team.creator, { subject: 'After the restart', region: 'east' }))._owner).to.equal(order[(start + 4) % 3]);
  });

  it('never hands one turn out twice when records are created at the same time', async () => {
    const created = await Promise.all(Array.from({ length: 9 }, (_, n) => open(team.creator, { subject: `Rush ${n}`, region: 'east' })));
    const counts = new Map<string, number>();
    for (const record of created) counts.set(record._owner, (counts.get(record._owner) ?? 0) + 1);
    expect([...counts.entries()].sort()).to.deep.equal(eastTeam().map((id) => [id, 3]));
  });

  it('assigns to a user, and leaves the creator owner when no entry matches', async () => {
    expect((await open(team.creator, { subject: 'North', region: 'north' }))._owner).to.equal(team.east1.id);
    expect((await open(team.creator, { subject: 'South', region: 'south' }))._owner).to.equal(team.creator.id);
  });

  it('puts a record in a queue: its members see and edit it, a non-member (its creator too) neither sees nor updates it', async () => {
    const queued = await open(team.creator, { subject: 'Printer on fire', region: 'west' });
    expect(queued._owner).to.equal('queue:west_queue');
    for (const member of [team.west1, team.west2]) expect(await listed(member)).to.include(queued._id);
    ok(await team.west2.as('PATCH', `/api/v1/records/case/${queued._id}`, { subject: 'Printer on fire, 2nd floor' }));
    for (const stranger of [team.creator, team.outsider, team.east1]) {
      expect(await listed(stranger)).to.not.include(queued._id);
      expectError(await stranger.as('GET', `/api/v1/records/case/${queued._id}`), 404);
      expectError(await stranger.as('PATCH', `/api/v1/records/case/${queued._id}`, { subject: 'mine now' }), 404);
      expectError(await stranger.as('POST', `/api/v1/records/case/${queued._id}/take`), 404);
    }
    // The queue's records are left out of the non-members' counts too: access is part of the store's query.
    const counted = ok(await team.outsider.as('GET', `/api/v1/records/case?limit=1&total=true&filter=${encodeURIComponent(JSON.stringify({ region: 'west' }))}`));
    expect(counted.total).to.equal(0);
    expect((await ownerOf(queued._id))).to.equal('queue:west_queue');
    const permissions = ok(await team.west1.as('GET', `/api/v1/records/case/${queued._id}/permissions`));
    expect(permissions.take).to.deep.equal({ allowed: true });
    const why = ok(await team.west1.as('GET', `/api/v1/records/case/${queued._id}/access`));
    expect(why.read.reasons).to.deep.include({ kind: 'queue', queue: 'west_queue', label: 'West queue' });
  });

  it('moves the record to the member who takes it: the other members lose it, and it cannot be taken twice', async () => {
    const queued = await open(team.creator, { subject: 'VPN down', region: 'west' });
    const taken = ok(await team.west1.as('POST', `/api/v1/records/case/${queued._id}/take`));
    expect(taken).to.include({ _owner: team.west1.id, _version: queued._version + 1 });
    expect(await listed(team.west2)).to.not.include(queued._id);
    expectError(await team.west2.as('POST', `/api/v1/records/case/${queued._id}/take`), 404);
    expectError(await team.west1.as('POST', `/api/v1/records/case/${queued._id}/take`), 409, 'not_in_queue');
    const permissions = ok(await team.west1.as('GET', `/api/v1/records/case/${queued._id}/permissions`));
    expect(permissions.take.allowed).to.equal(false);
    // Its owner may hand it back to the queue.
    expect(ok(await team.west1.as('PUT', `/api/v1/records/case/${queued._id}/owner`, { queue: 'west_queue' }))._owner).to.equal('queue:west_queue');
    expect(expectError(await team.west2.as('PUT', `/api/v1/records/case/${queued._id}/owner`, { queue: 'no_such_group' }), 400).map((detail) => detail.path)).to.deep.equal(['/queue']);
  });

  it('assigns a record again by the rules when asked, and says so when no entry matches', async () => {
    const moved = await open(team.creator, { subject: 'Moved office', region: 'south' });
    ok(await team.creator.as('PATCH', `/api/v1/records/case/${moved._id}`, { region: 'west' }));
    expect(ok(await team.creator.as('POST', `/api/v1/records/case/${moved._id}/assign`))._owner).to.equal('queue:west_queue');
    const stays = await open(team.creator, { subject: 'Nowhere', region: 'south' });
    expectError(await team.creator.as('POST', `/api/v1/records/case/${stays._id}/assign`), 409, 'no_assignment');
    expectError(await team.outsider.as('POST', `/api/v1/records/case/${stays._id}/assign`), 404);
  });

  it('keeps a group whose queue owns records from being deleted', async () => {
    await open(team.creator, { subject: 'Still queued', region: 'west' });
    ok(await engine.request('PUT', '/api/v1/meta/assignment-rules/case_routing', { name: 'case_routing', object: 'case', entries: [{ assignTo: { user: team.east1.id } }] }));
    expectError(await engine.request('DELETE', '/api/v1/meta/groups/west_queue'), 409, 'group_in_use');
  });

  it('refuses a rule naming a group that does not exist or a condition that does not compile, at their paths', async () => {
    const details = expectError(
      await engine.request('POST', '/api/v1/meta/assignment-rules', {
        name: 'broken',
        object: 'case',
        entries: [{ assignTo: { roundRobin: 'nobody' } }, { condition: 'region = ', assignTo: { queue: 'west_queue' } }],
      }),
      400,
    ).map((detail) => detail.path);
    expect(details).to.include('/entries/0/assignTo/roundRobin');
    expect(details.some((path) => path.startsWith('/entries/1/condition'))).to.equal(true);
  });
});
