import { expect } from 'chai';
import { configFromEnv } from '../../engine/config.js';
import { browser, signIn } from '../support/auth-helpers.js';
import { startTestEngine, TEST_ADMIN, type TestEngine } from '../support/test-engine.js';

const PAGES = ['/', '/o/deal', '/api/docs', '/api/v1/meta/objects', '/health'];

function directives(response: { headers: Headers }): Map<string, string> {
  const policy = response.headers.get('content-security-policy') ?? '';
  return new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => [part.split(/\s+/)[0]!, part]));
}

describe('Content-Security-Policy over plain HTTP (a LAN address)', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  for (const path of PAGES) {
    it(`sends no upgrade-insecure-requests and no HSTS on ${path}`, async () => {
      const response = await engine.request('GET', path, undefined, { accept: 'text/html' });
      expect(directives(response).has('upgrade-insecure-requests')).to.equal(false);
      expect(response.headers.get('strict-transport-security')).to.equal(null);
    });
  }

  it('allows scripts from this server only: no inline script, no eval', async () => {
    const response = await engine.request('GET', '/', undefined, { accept: 'text/html' });
    const policy = directives(response);
    expect(policy.get('script-src')).to.equal("script-src 'self'");
    expect(policy.get('script-src-attr')).to.equal("script-src-attr 'none'");
    expect(policy.get('connect-src')).to.equal("connect-src 'self'");
    expect(policy.get('object-src')).to.equal("object-src 'none'");
    expect(response.headers.get('content-security-policy')).to.not.match(/unsafe-eval/);
  });

  it('ignores X-Forwarded-Proto from a proxy it was not told to trust', async () => {
    const response = await engine.request('GET', '/api/docs', undefined, { 'x-forwarded-proto': 'https' });
    expect(directives(response).has('upgrade-insecure-requests')).to.equal(false);
  });
});

describe('Content-Security-Policy when the platform is configured for HTTPS', () => {
  it('upgrades requests and sends HSTS on every answer when PUBLIC_URL is https', async () => {
    const engine = await startTestEngine({ publicUrl: 'https://crm.example.com' });
    try {
      for (const path of PAGES) {
        const response = await engine.request('GET', path, undefined, { accept: 'text/html' });
        expect(directives(response).has('upgrade-insecure-requests'), path).to.equal(true);
        expect(response.headers.get('strict-transport-security'), path).to.match(/max-age=\d+/);
      }
    } finally {
      await engine.stop();
    }
  });

  it('behind a trusted proxy, upgrades only what came in over HTTPS and marks the session cookie Secure', async () => {
    const engine = await startTestEngine({ trustProxy: 'loopback' });
    try {
      const overHttps = await engine.request('GET', '/api/docs', undefined, { 'x-forwarded-proto': 'https' });
      expect(directives(overHttps).has('upgrade-insecure-requests')).to.equal(true);
      const overHttp = await engine.request('GET', '/api/docs', undefined, { 'x-forwarded-proto': 'http' });
      expect(directives(overHttp).has('upgrade-insecure-requests')).to.equal(false);
      const login = await engine.request('POST', '/api/v1/auth/login', TEST_ADMIN, { authorization: '', 'x-forwarded-proto': 'https' });
      expect(login.headers.getSetCookie().find((cookie) => cookie.startsWith('crm_session='))).to.match(/;\s*Secure/i);
    } finally {
      await engine.stop();
    }
  });

  it('reads PUBLIC_URL and TRUST_PROXY from the environment, and refuses a PUBLIC_URL that is not an address', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://crm.example.com', TRUST_PROXY: '1' }).http).to.include({ publicUrl: 'https://crm.example.com', trustProxy: 1 });
    expect(configFromEnv({ TRUST_PROXY: 'true' }).http?.trustProxy).to.equal(true);
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.0/8' }).http?.trustProxy).to.equal('10.0.0.0/8');
    expect(() => configFromEnv({ PUBLIC_URL: 'crm.example.com' })).to.throw(/PUBLIC_URL must be the address users open/);
  });
});

describe('the API reference without a token', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('offers a sign-in and a token box, loading only scripts from this server', async () => {
    const page = await engine.request('GET', '/api/docs', undefined, { authorization: '' });
    expect(page.status).to.equal(200);
    expect(page.body).to.include('id="docs-login"').and.include('id="docs-token"');
    expect(page.body).to.not.match(/<script>(?!<\/script>)/);
    const script = await engine.request('GET', '/api/docs/initializer.js', undefined, { authorization: '' });
    expect(script.body).to.include('/api/v1/auth/me').and.include('requestInterceptor');
  });

  it('gives a signed-in page its CSRF token again from /auth/me, and a token caller none', async () => {
    const session = await signIn(engine, TEST_ADMIN.email, TEST_ADMIN.password);
    const me = await engine.request('GET', '/api/v1/auth/me', undefined, browser(session));
    expect(me.status).to.equal(200);
    expect(me.body.csrfToken).to.equal(session.csrfToken);
    expect(me.headers.get('cache-control')).to.equal('no-store');
    const byToken = await engine.request('GET', '/api/v1/auth/me');
    expect(byToken.body).to.not.have.property('csrfToken');
  });
});
