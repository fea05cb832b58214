import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

type Json = Record<string, any>;

/** Writes a pack folder: its manifest, one object, and demo records of that object. */
function writePack(packsDir: string, name: string, requires: Record<string, string>, object: Json, records: Json[]): void {
  const dir = join(packsDir, name);
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name, version: '1.0.0', label: { en: name }, requires: { packs: requires } }));
  writeFileSync(join(dir, 'metadata', 'objects', `${object.name}.json`), JSON.stringify(object));
  writeFileSync(join(dir, 'data', `${object.name}.json`), JSON.stringify(records));
}

/**
 * Demo records of one pack name those of the packs it requires by their demo keys (a department's
 * orders name the sales demo's accounts): resolved to the ids the earlier install made, and only
 * through the packs required, so a key means the same whatever else a tenant has.
 */
describe('packs: demo records naming the demo records of required packs', () => {
  let engine: TestEngine;
  let packsDir: string;
  const install = (name: string) => engine.request('POST', '/api/v1/packs/install', { name, demoData: true });
  const plan = (name: string) => engine.request('POST', '/api/v1/packs/plan', { name, demoData: true });
  const list = async (object: string) => (await engine.request('GET', `/api/v1/records/${object}?limit=50&sort=name`)).body.records as Json[];

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-demo-keys-'));
    engine = await startTestEngine({ packsDir });
    const site = { name: 'dk_site', fields: [{ name: 'name', type: 'text', required: true }] };
    const visit = (name: string) => ({ name, fields: [{ name: 'name', type: 'text', required: true }, { name: 'site', type: 'lookup', target: 'dk_site' }] });
    writePack(packsDir, 'dk-base', {}, site, [{ _key: 'harbour', name: 'Harbour' }, { _key: 'airport', name: 'Airport' }]);
    writePack(packsDir, 'dk-middle', { 'dk-base': '^1.0.0' }, visit('dk_middle_visit'), [{ _key: 'first', name: 'First', site: { $key: 'harbour' } }]);
    // Requires only the middle pack: the base pack's keys reach it through the middle one.
    writePack(packsDir, 'dk-top', { 'dk-middle': '^1.0.0' }, visit('dk_top_visit'), [{ _key: 'audit', name: 'Audit', site: { $key: 'airport' } }]);
    // Installed after the base pack but not requiring it: its key names nothing.
    writePack(packsDir, 'dk-stranger', {}, visit('dk_stranger_visit'), [{ _key: 'lost', name: 'Lost', site: { $key: 'harbour' } }]);
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('resolves a key of a required pack to the record its install made, and plans the count', async () => {
    expect((await install('dk-base')).status).to.equal(200);
    const planned = await plan('dk-middle');
    expect(planned.status, JSON.stringify(planned.body)).to.equal(200);
    expect(planned.body.plan.demoData).to.deep.equal({ dk_middle_visit: 1 });
    const installed = await install('dk-middle');
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    const [harbour] = (await list('dk_site')).filter((site) => site.name === 'Harbour');
    const [visit] = await list('dk_middle_visit');
    expect(visit!.site).to.equal(harbour!._id);
    expect(await list('dk_site'), 'no second copy of the base records').to.have.length(2);
  });

  it('reaches the keys of the packs a required pack requires', async () => {
    const installed = await install('dk-top');
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    const [airport] = (await list('dk_site')).filter((site) => site.name === 'Airport');
    expect((await list('dk_top_visit'))[0]!.site).to.equal(airport!._id);
  });

  it('refuses a key of a pack that is installed but not required, naming the file, the record and the field', async () => {
    const refused = await install('dk-stranger');
    expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
    expect(refused.body.error.details).to.deep.equal([
      { path: '/data/dk_stranger_visit.json/0/site', message: "names demo record 'harbour' of 'dk_site', which neither the pack's data nor the packs it requires hold" },
    ]);
    expect((await engine.request('GET', '/api/v1/meta/objects/dk_stranger_visit')).status, 'nothing installed').to.equal(404);
  });
});
