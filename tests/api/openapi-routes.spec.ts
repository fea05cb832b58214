import { expect } from 'chai';
import { createApp } from '../../engine/http/create-app.js';
import { PURCHASE_APPROVAL, purchasingDepartment } from '../support/approval-fixtures.js';
import { registeredRoutes, type RegisteredRoute } from '../support/express-routes.js';
import { defineDocumentedObjects, documentedOperations as documented, expectDocumented, fetchDoc, validate, type Doc, type DocumentedOperation } from '../support/openapi-fixtures.js';
import { OPERATOR_TOKEN } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** The values a documented path parameter may take, when its schema lists them. */
function enumOf(operation: DocumentedOperation['operation'], name: string): string[] | undefined {
  const parameter = operation.parameters?.find((candidate) => candidate.in === 'path' && candidate.name === name) as { schema?: { enum?: string[] } } | undefined;
  return parameter?.schema?.enum;
}

/**
 * A route serves a documented path when every segment fits: a route's `:param` takes any segment
 * (the document names each object's paths, the router has one route for all of them); a route's
 * literal segment takes the same literal, or a documented `{param}` whose enum holds it.
 */
function serves(route: RegisteredRoute, entry: DocumentedOperation): boolean {
  if (route.method !== entry.method) return false;
  const routeSegments = route.path.split('/');
  const docSegments = entry.path.split('/');
  if (routeSegments.length !== docSegments.length) return false;
  return routeSegments.every((segment, i) => {
    const other = docSegments[i]!;
    if (segment.startsWith(':')) return true;
    const param = /^\{(\w+)\}$/.exec(other)?.[1];
    return param === undefined ? segment === other : (enumOf(entry.operation, param) ?? []).includes(segment);
  });
}

/** The document against the express app that serves it: every route documented, every operation served. */
describe('OpenAPI document: every route of the app, every status it answers', () => {
  let engine: TestEngine;
  let doc: Doc;
  let routes: RegisteredRoute[];

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    await defineDocumentedObjects(engine);
    // An approval process, so that the approval routes of its object are in the document.
    await purchasingDepartment(engine);
    const created = await engine.request('POST', '/api/v1/meta/approval-processes', PURCHASE_APPROVAL);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    doc = await fetchDoc(engine);
    routes = registeredRoutes(createApp(engine.platform, { operatorToken: OPERATOR_TOKEN }));
  });
  after(() => engine.stop());

  it('finds the routes of every router, mounted where create-app mounts them', () => {
    const paths = routes.map((route) => `${route.method} ${route.path}`);
    expect(paths).to.include.members(['get /health', 'post /api/operator/tenants', 'get /api/v1/records/:object/:id', 'get /api/v1/audit', 'get /api/v1/outbox/email', 'put /api/v1/meta/roles/:name']);
    expect(routes.length).to.be.greaterThan(70);
  });

  it('documents every route the app serves', async () => {
    await validate(doc);
    const undocumented = routes.filter((route) => !documented(doc).some((entry) => serves(route, entry)));
    expect(undocumented.map((route) => `${route.method.toUpperCase()} ${route.path}`), 'routes without an operation in the document').to.deep.equal([]);
  });

  it('serves every operation it documents', () => {
    const unserved = documented(doc).filter((entry) => !routes.some((route) => serves(route, entry)));
    expect(unserved.map((entry) => `${entry.method.toUpperCase()} ${entry.path}`), 'operations no route serves').to.deep.equal([]);
  });

  it('declares on every operation what the transport answers: 400, 413, 415, 431 and 500 everywhere; 401, 429 and the unknown tenant\'s 404 in a tenant; 403 for a session changing data', () => {
    for (const { method, path, operation } of documented(doc)) {
      const statuses = Object.keys(operation.responses);
      const where = `${method} ${path}`;
      expect(statuses, where).to.include.members(['400', '413', '415', '431', '500']);
      const isPublic = operation.security?.length === 0;
      if (path.startsWith('/api/v1/')) expect(statuses, where).to.include('404');
      if (path.startsWith('/api/') && !isPublic) expect(statuses, where).to.include('401');
      if (path.startsWith('/api/') && !isPublic && method !== 'get') expect(statuses, where).to.include('403');
      if (path.startsWith('/api/v1/') && !isPublic) expect(statuses, where).to.include('429');
      expect(statuses, `${where}: statuses in order`).to.deep.equal([...statuses].sort());
    }
  });

  it('documents the audit log, the jobs, the outboxes, the health check and the operator routes', () => {
    for (const path of ['/api/v1/audit', '/api/v1/jobs', '/api/v1/outbox/email', '/api/v1/outbox/webhook', '/health', '/api/operator/tenants', '/api/v1/openapi.json']) {
      expect(doc.paths, path).to.have.property(path);
    }
    expect(doc.paths['/api/operator/tenants']!.post.security).to.deep.equal([{ operatorToken: [] }]);
  });

  it('answers the newly documented routes and the transport statuses as the document says', async () => {
    const is = (method: string, path: string, response: Awaited<ReturnType<TestEngine['request']>>, status: number) => expectDocumented(doc, method, path, response, status);
    const anonymous = { authorization: '' };
    const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    is('get', '/health', await engine.request('GET', '/health', undefined, anonymous), 200);
    is('get', '/ready', await engine.request('GET', '/ready', undefined, anonymous), 200);
    is('get', '/metrics', await engine.request('GET', '/metrics', undefined, anonymous), 401);
    is('get', '/metrics', await engine.request('GET', '/metrics', undefined, { authorization: `Bearer ${engine.token}` }), 403);
    await engine.request('POST', '/api/v1/records/supplier', { name: 'Audited' });
    is('get', '/api/v1/audit', await engine.request('GET', '/api/v1/audit?limit=2&action=record.create'), 200);
    is('get', '/api/v1/audit', await engine.request('GET', '/api/v1/audit?from=yesterday'), 400);
    is('get', '/api/v1/jobs', await engine.request('GET', '/api/v1/jobs'), 200);
    is('get', '/api/v1/jobs', await engine.request('GET', '/api/v1/jobs?status=stuck'), 400);
    is('get', '/api/v1/outbox/email', await engine.request('GET', '/api/v1/outbox/email'), 200);
    is('get', '/api/v1/outbox/webhook', await engine.request('GET', '/api/v1/outbox/webhook?before=nope'), 400);
    is('get', '/api/v1/outbox/webhook', await engine.request('GET', '/api/v1/outbox/webhook', undefined, anonymous), 401);
    is('get', '/api/operator/tenants', await engine.request('GET', '/api/operator/tenants', undefined, operator), 200);
    is('get', '/api/operator/tenants', await engine.request('GET', '/api/operator/tenants', undefined, anonymous), 401);
    is('post', '/api/operator/tenants', await engine.request('POST', '/api/operator/tenants', { name: 'Bad Name' }, operator), 400);
    is('post', '/api/operator/tenants', await engine.request('POST', '/api/operator/tenants', { name: 'ok' }), 403);
    is('get', '/api/docs/assets/{asset}', await engine.request('GET', '/api/docs/assets/other.js', undefined, anonymous), 401);
    // The reference's files answer conditional and partial requests as HTTP says, never 500.
    const asset = '/api/docs/assets/swagger-ui.css';
    is('get', '/api/docs/assets/{asset}', await engine.request('GET', asset, undefined, { ...anonymous, 'if-match': '"another-version"' }), 412);
    is('get', '/api/docs/assets/{asset}', await engine.request('GET', asset, undefined, { ...anonymous, range: 'bytes=999999999-' }), 416);
    const part = await engine.request('GET', asset, undefined, { ...anonymous, range: 'bytes=0-9' });
    expect(part.status).to.equal(206);
    expect(doc.paths['/api/docs/assets/{asset}']!.get.responses['206'].content).to.have.property(part.headers.get('content-type')!.split(';')[0]!);

    // What the HTTP layer answers before any operation runs, on operations that take no body at all.
    const someRecord = '/api/v1/records/everything/0123456789abcdef01234567';
    is('delete', '/api/v1/records/everything/{id}', await engine.request('DELETE', someRecord, JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }), { 'content-type': 'application/json' }), 413);
    is('delete', '/api/v1/records/everything/{id}', await engine.request('DELETE', someRecord, '{}', { 'content-type': 'application/json; charset=latin1' }), 415);
    is('get', '/api/v1/jobs', await engine.request('GET', '/api/v1/jobs', undefined, { 'x-tenant': 'nobody' }), 404);
    is('get', '/health', await engine.request('GET', '/health', undefined, { ...anonymous, 'x-padding': 'x'.repeat(20 * 1024) }), 431);
    is('get', '/api/v1/records/everything/{id}', await engine.request('GET', '/api/v1/records/everything/%ZZ'), 400);
  });
});
