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
