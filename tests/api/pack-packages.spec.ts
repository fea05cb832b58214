import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Writes a pack's folder: pack.json, one object, and, for an npm package, its package.json and code (index.mjs). */
function writePack(folder: string, pack: { name: string; version: string; object: string; packageName?: string }): void {
  mkdirSync(join(folder, 'metadata', 'objects'), { recursive: true });
  writeFileSync(join(folder, 'pack.json'), JSON.stringify({ name: pack.name, version: pack.version, label: { en: `Pack ${pack.name}` } }));
  writeFileSync(join(folder, 'metadata', 'objects', `${pack.object}.json`), JSON.stringify({ name: pack.object, fields: [{ name: 'subject', type: 'text' }] }));
  if (!pack.packageName) return;
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: pack.packageName, version: pack.version, type: 'module', main: 'index.mjs' }));
  writeFileSync(join(folder, 'index.mjs'), `export default { routes: [{ method: 'get', path: '/hello', async handle(ctx) { return { from: '${pack.packageName}', user: ctx.principal.userId }; } }] };\n`);
}

/** A pack is a folder in plugins/, or an npm package installed beside it (issue 13: "in plugins/<name>/ or an npm package"). */
describe('packs shipped as npm packages', () => {
  let engine: TestEngine;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-pack-packages-'));
    const packsDir = join(root, 'plugins');
    const modules = join(root, 'node_modules');
    writePack(join(modules, 'crm-pack-visit-log'), { name: 'visit-log', version: '1.0.0', object: 'vl_visit', packageName: 'crm-pack-visit-log' });
    writePack(join(modules, '@acme', 'crm-pack-audit-kit'), { name: 'audit-kit', version: '1.0.0', object: 'ak_check', packageName: '@acme/crm-pack-audit-kit' });
    // Not a pack: an ordinary dependency, and a package named as a pack without a pack.json.
    mkdirSync(join(modules, 'left-pad'), { recursive: true });
    writeFileSync(join(modules, 'left-pad', 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.3.0' }));
    mkdirSync(join(modules, 'crm-pack-empty'), { recursive: true });
    // The consultant's checkout of audit-kit in the packs folder overrides the published package.
    writePack(join(packsDir, 'audit-kit'), { name: 'audit-kit', version: '1.1.0-dev', object: 'ak_check' });
    engine = await startTestEngine({ packsDir });
  });
  after(async () => {
    await engine.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the packs of npm packages beside the packs folder, with their package, the packs folder winning over a package of the same name', async () => {
    const listed = await engine.request('GET', '/api/v1/packs');
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
    expect(listed.body.available.map((pack: Record<string, unknown>) => [pack.name, pack.version, pack.package ?? null])).to.deep.equal([
      ['audit-kit', '1.1.0-dev', null],
      ['visit-log', '1.0.0', 'crm-pack-visit-log'],
    ]);
  });

  it('installs a pack from its npm package by name, with its code, answering its route', async () => {
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'visit-log' });
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    expect((await engine.request('GET', '/api/v1/meta/objects/vl_visit')).status).to.equal(200);
    const route = await engine.request('GET', '/api/v1/packs/visit-log/hello');
    expect(route.body).to.deep.equal({ from: 'crm-pack-visit-log', user: engine.adminId });
  });

  it('knows no pack of a package that holds none', async () => {
    expect((await engine.request('POST', '/api/v1/packs/plan', { name: 'empty' })).status).to.equal(404);
    expect((await engine.request('POST', '/api/v1/packs/plan', { name: 'left-pad' })).status).to.equal(404);
  });
});
