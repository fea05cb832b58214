import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', authorization: '' };
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

/** A built app as vite lays it out: index.html, hashed assets, a public file. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-studio-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("app");');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('serving the web app beside the API', () => {
  let engine: TestEngine;
  let dist: string;
  before(async () => {
    dist = fakeBuild();
    engine = await startTestEngine({ studioDir: dist });
  });
  after(async () => {
    await engine.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and never lets it be cached', async () => {
    const response = await engine.request('GET', '/', undefined, HTML);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    expect(response.headers.get('cache-control')).to.equal('no-cache');
    expect(response.body).to.equal(INDEX);
  });

  for (const path of ['/sign-in', '/o/deal', '/o/deal/6b126a2d43e0435c480ed836?tab=history']) {
    it(`answers the client-side route ${path} with index.html`, async () => {
      const response = await engine.request('GET', path, undefined, HTML);
      expect(response.status).to.equal(200);
      expect(response.body).to.equal(INDEX);
      expect(response.headers.get('cache-control')).to.equal('no-cache');
    });
  }

  it('serves hashed assets as immutable for a year', async () => {
    const response = await engine.request('GET', '/assets/index-Ab12Cd34.js', undefined, { authorization: '' });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/javascript/);
    expect(response.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
  });

  it('answers an asset of an older build with 404, never with index.html in place of a script', async () => {
    const response = await engine.request('GET', '/assets/index-Gone0000.js', undefined, HTML);
    expect(response.status).to.equal(404);
    expect(String(response.body)).to.not.include('<div id="root">');
  });

  it('serves the other built files with a short cache', async () => {
    const response = await engine.request('GET', '/favicon.svg', undefined, { authorization: '' });
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.equal('public, max-age=3600');
  });

  it('keeps unknown /api paths a JSON 404, even for a browser asking for HTML', async () => {
    for (const path of ['/api/v1/nope', '/api/nope', '/api']) {
      const response = await engine.request('GET', path, undefined, { ...HTML, authorization: `Bearer ${engine.token}` });
      expect(response.status, path).to.equal(404);
      expect(response.headers.get('content-type'), path).to.match(/^application\/json/);
      expect(response.body.error.code, path).to.equal('not_found');
    }
  });

  it('still answers the API before the app', async () => {
    const response = await engine.request('GET', '/api/v1/meta/objects', undefined, { accept: 'text/html' });
    expect(response.status).to.equal(200);
    expect(response.body.objects).to.be.an('array');
  });

  it('does not answer a request that wants no HTML, or is not a GET, with the app', async () => {
    const json = await engine.request('GET', '/o/deal', undefined, { accept: 'application/json', authorization: '' });
    expect(json.status).to.equal(404);
    const post = await engine.request('POST', '/o/deal', '{}', { ...HTML, 'content-type': 'application/json' });
    expect(post.status).to.equal(404);
    expect(String(post.body)).to.not.include('<div id="root">');
  });
});

describe('serving the web app before it is built', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine({ studioDir: join(tmpdir(), 'crm-studio-never-built') });
  });
  after(() => engine.stop());

  it('says how to build it instead of a blank page, and keeps the API up', async () => {
    const page = await engine.request('GET', '/', undefined, HTML);
    expect(page.status).to.equal(503);
    expect(page.body).to.match(/npm run build:studio/);
    const api = await engine.request('GET', '/health');
    expect(api.status).to.equal(200);
  });
});
