import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseResolutions } from '../../sdk/crm.js';
import { crm } from './support/run-crm.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

function writePack(dir: string, version: string, label: string): void {
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'site-visits', version, label: { en: 'Site visits', 'zh-CN': '现场拜访' } }));
  writeFileSync(join(dir, 'metadata', 'objects', 'site_visit.json'), JSON.stringify({ name: 'site_visit', label: { en: label }, fields: [{ name: 'address', type: 'text' }] }));
}

/** A pack of one object, `object`, with an address field and the fields given. */
function writeObjectPack(dir: string, pack: string, object: string, version: string, label: string, fields: Record<string, unknown>[] = []): void {
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: pack, version, label: { en: pack } }));
  writeFileSync(join(dir, 'metadata', 'objects', `${object}.json`), JSON.stringify({ name: object, label: { en: label }, fields: [{ name: 'address', type: 'text' }, ...fields] }));
}

describe('npx crm pack: plan and install a pack folder into a running platform', () => {
  let engine: TestEngine;
  let dir: string;
  let where: string[];

  before(async () => {
    engine = await startTestEngine();
    dir = mkdtempSync(join(tmpdir(), 'crm-cli-pack-'));
    where = ['--url', engine.url, '--token', engine.token];
  });
  after(async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans, installs, then shows a conflict with the --resolve that settles it', async () => {
    writePack(dir, '1.0.0', 'Site visit');
    const planned = await crm(['pack', 'plan', dir, ...where]);
    expect(planned.code, planned.err).to.equal(0);
    expect(planned.out).to.contain('site-visits: not installed → 1.0.0; 1 definition(s) change, 0 conflict(s)').and.to.contain('create       object:site_visit');
    const installed = await crm(['pack', 'install', dir, ...where]);
    expect(installed.code, installed.err).to.equal(0);
    expect(installed.out).to.match(/Installed site-visits 1\.0\.0: metadata version \d+\./);

    const object = (await engine.request('GET', '/api/v1/meta/objects/site_visit')).body.definition;
    expect((await engine.request('PUT', '/api/v1/meta/objects/site_visit', { ...object, label: { en: 'Visit' } })).status).to.equal(200);
    writePack(dir, '1.1.0', 'Customer visit');
    const conflicted = await crm(['pack', 'install', dir, ...where]);
    expect(conflicted.code).to.equal(1);
    expect(conflicted.err).to.contain('409').and.to.contain('/object:site_visit/label/en');
    const plan = await crm(['pack', 'plan', dir, ...where]);
    expect(plan.out).to.contain('--resolve object:site_visit/label/en=ours (or =theirs)');
    const resolved = await crm(['pack', 'install', dir, ...where, '--resolve', 'object:site_visit/label/en=theirs']);
    expect(resolved.code, resolved.err).to.equal(0);
    expect((await engine.request('GET', '/api/v1/meta/objects/site_visit')).body.definition.label.en).to.equal('Customer visit');

    const listed = await crm(['pack', 'list', ...where]);
    expect(listed.out).to.contain('site-visits 1.1.0');
  });

  it('exports the tenant\'s metadata as a folder, the same text every time, then uninstalls the pack', async () => {
    const out = join(dir, 'exported');
    const exported = await crm(['pack', 'export', out, ...where, '--name', 'site-visits', '--version', '1.1.0', '--label', 'Site visits', '--object', 'site_visit']);
    expect(exported.code, exported.err).to.equal(0);
    expect(exported.out).to.contain('Wrote site-visits 1.1.0').and.to.contain('1 definition file(s)');
    const file = join(out, 'metadata', 'objects', 'site_visit.json');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('{\n  "name": "site_visit",\n  "label": {')).to.equal(true);
    expect(JSON.parse(readFileSync(join(out, 'pack.json'), 'utf8'))).to.deep.equal({ name: 'site-visits', label: { en: 'Site visits' }, version: '1.1.0' });
    await crm(['pack', 'export', out, ...where, '--name', 'site-visits', '--version', '1.1.0', '--label', 'Site visits', '--object', 'site_visit']);
    expect(readFileSync(file, 'utf8'), 'a second export writes the same text').to.equal(text);
    const planned = await crm(['pack', 'plan', out, ...where]);
    expect(planned.out).to.contain('0 definition(s) change').and.to.match(/unchanged +object:site_visit/);

    const removed = await crm(['pack', 'uninstall', 'site-visits', ...where]);
    expect(removed.code, removed.err).to.equal(0);
    expect(removed.out).to.contain('Uninstalled site-visits: removed 1 definition(s) (object:site_visit)');
    expect((await engine.request('GET', '/api/v1/meta/objects/site_visit')).status).to.equal(404);
  });

  it('upgrades only a pack that is installed, saying from which version to which', async () => {
    const folder = join(dir, 'tank-checks');
    writeObjectPack(folder, 'tank-checks', 'tank_check', '1.0.0', 'Tank check');
    const first = await crm(['pack', 'upgrade', folder, ...where]);
    expect(first.code).to.equal(1);
    expect(first.err).to.contain("409: Pack 'tank-checks' is not installed in this tenant, so there is nothing to upgrade: install it first.");
    expect((await engine.request('GET', '/api/v1/meta/objects/tank_check')).status, 'nothing installed').to.equal(404);
    expect((await crm(['pack', 'install', folder, ...where])).code).to.equal(0);
    writeObjectPack(folder, 'tank-checks', 'tank_check', '1.2.0', 'Tank inspection');
    const upgraded = await crm(['pack', 'upgrade', folder, ...where]);
    expect(upgraded.code, upgraded.err).to.equal(0);
    expect(upgraded.out).to.match(/Upgraded tank-checks from 1\.0\.0 to 1\.2\.0: metadata version \d+\./);
    expect((await engine.request('GET', '/api/v1/meta/objects/tank_check')).body.definition.label.en).to.equal('Tank inspection');
  });

  it('diffs a folder against the tenant item by item, with both sides of each change: exit 0 when nothing differs, 1 when something does', async () => {
    const folder = join(dir, 'meter-reads');
    writeObjectPack(folder, 'meter-reads', 'meter_read', '1.0.0', 'Meter read');
    const fresh = await crm(['pack', 'diff', folder, ...where]);
    expect(fresh.code, fresh.err).to.equal(1);
    expect(fresh.out).to.contain('meter-reads: not installed, folder 1.0.0').and.to.contain('+ created      object:meter_read');
    expect((await crm(['pack', 'install', folder, ...where])).code).to.equal(0);

    const same = await crm(['pack', 'diff', folder, ...where]);
    expect(same.code, same.err).to.equal(0);
    expect(same.out).to.contain('= unchanged    object:meter_read').and.to.contain('Nothing would change.');

    writeObjectPack(folder, 'meter-reads', 'meter_read', '1.1.0', 'Meter reading', [{ name: 'reading', type: 'number' }]);
    const changed = await crm(['pack', 'diff', folder, ...where]);
    expect(changed.code, changed.err).to.equal(1);
    expect(changed.out.split('\n')).to.include.members([
      'meter-reads: installed 1.0.0, folder 1.1.0',
      '~ updated      object:meter_read',
      '      /label/en: tenant "Meter read" → pack "Meter reading"',
      '      /fields/reading: tenant (none) → pack {"name":"reading","type":"number"}',
      '1 definition(s) would change, 0 conflict(s).',
    ]);

    const object = (await engine.request('GET', '/api/v1/meta/objects/meter_read')).body.definition;
    expect((await engine.request('PUT', '/api/v1/meta/objects/meter_read', { ...object, label: { en: 'Reading' } })).status).to.equal(200);
    const conflicted = await crm(['pack', 'diff', folder, ...where]);
    expect(conflicted.code).to.equal(1);
    expect(conflicted.out).to.contain('! conflict     object:meter_read').and.to.contain('      /label/en: tenant "Reading", pack "Meter reading", installed version "Meter read"');
    expect((await engine.request('GET', '/api/v1/meta/objects/meter_read')).body.definition.fields, 'a diff changes nothing').to.have.length(object.fields.length);

    const broken = join(dir, 'broken-diff');
    mkdirSync(broken);
    writeFileSync(join(broken, 'pack.json'), '{');
    expect((await crm(['pack', 'diff', broken, ...where])).code, 'trouble is 2, not a difference').to.equal(2);
  });

  it('says what is wrong with a broken folder, a missing token and a misused command, with exit codes', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'pack.json'), '{ "name": "Broken" ');
    const unreadable = await crm(['pack', 'plan', broken, ...where]);
    expect(unreadable.code).to.equal(1);
    expect(unreadable.err).to.contain('cannot be used');
    const anonymous = await crm(['pack', 'list', '--url', engine.url]);
    expect(anonymous.code).to.equal(1);
    expect(anonymous.err).to.contain('401');
    expect((await crm(['pack', 'frobnicate'])).code).to.equal(2);
    expect((await crm(['pack', 'plan'])).code).to.equal(2);
    expect(() => parseResolutions(['object:x/label=mine'])).to.throw('--resolve');
    expect(parseResolutions(['object:x/label/en=ours', 'listView:y=theirs'])).to.deep.equal({ 'object:x': { '/label/en': 'ours' }, 'listView:y': { '': 'theirs' } });
  });

  it('runs as the package\'s bin through its launcher', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['sdk/crm-bin.mjs', 'pack', 'list', ...where], { cwd: join(import.meta.dirname, '..', '..') });
    expect(stdout).to.contain('Installed:');
  });
});
