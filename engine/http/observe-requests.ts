import type { Express, Request, RequestHandler } from 'express';
import { failSpan, httpDuration, inSpan, log, requestIdFrom } from '../observability/index.js';

interface ObservedLocals {
  requestId?: string;
}

/** The path each route's router is mounted at, by route: filled once the app is built (`noteRouteBases`). */
const routeBases = new WeakMap<object, string>();

/**
 * Gives each request its id (the caller's X-Request-Id, or a new one), echoes it in the response,
 * and once the response is sent logs one line and counts it in the metrics by route template. When
 * an OpenTelemetry SDK is registered, the request is a server span too, named by its route template.
 */
export function observeRequests(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(headerOf(req, 'x-request-id'));
    (res.locals as ObservedLocals).requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = performance.now();
    const tenant = headerOf(req, 'x-tenant');
    // The attributes' function is an argument, not a constant: tsx names a function held in a
    // constant with Object.defineProperty each time it is made, and this one is made per request.
    inSpan(req.method, 'server', () => ({ 'http.request.method': req.method, 'url.path': req.path, 'crm.request_id': requestId, ...(tenant ? { 'crm.tenant': tenant } : {}) }), req.headers, (span) => {
      // 'finish' comes once per response: `on` spares the wrapper `once` makes on every request.
      res.on('finish', () => {
        const labels = { method: req.method, route: routeTemplate(req), status: String(res.statusCode) };
        const seconds = (performance.now() - started) / 1000;
        httpDuration.of(labels.method, labels.route, labels.status).observe(seconds);
        if (span.isRecording()) {
          span.updateName(`${req.method} ${labels.route}`);
          span.setAttributes({ 'http.route': labels.route, 'http.response.status_code': res.statusCode });
          if (res.statusCode >= 500) failSpan(span, `answered ${res.statusCode}`);
        }
        span.end();
        if (log.isLevelEnabled('info')) log.info({ requestId, ...labels, url: req.originalUrl.split('?')[0], tenant, ms: Math.round(seconds * 1000) }, 'request');
      });
      next();
    });
  };
}

function headerOf(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

interface RouterLayer {
  readonly rawPath?: unknown;
  readonly route?: object;
  readonly handle?: { readonly stack?: readonly RouterLayer[] };
}

/**
 * Notes, for every route of the app's routers, the path its router is mounted at, so that a
 * request's route template is known from the route that answered it without any work while it is
 * routed (a middleware mounted before each router to note its path cost one more layer per router
 * on every request). Routes added later (a pack's routes, made per request) count under `/api/*`.
 */
export function noteRouteBases(app: Express): void {
  const walk = (layers: readonly RouterLayer[], base: string) => {
    for (const layer of layers) {
      if (layer.route) routeBases.set(layer.route, base);
      else if (layer.handle?.stack) walk(layer.handle.stack, typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? `${base}${layer.rawPath}` : base);
    }
  };
  walk((app as unknown as { router: { stack: readonly RouterLayer[] } }).router.stack, '');
}

/**
 * The route as written (`/api/v1/records/:object/:id`), never the URL itself: a label per record id
 * would grow the metrics without bound. A request no route answered counts as `/api/*` when it
 * asked the API, else as `unmatched`.
 */
function routeTemplate(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  const base = route ? routeBases.get(route) : undefined;
  if (route && base !== undefined && typeof route.path === 'string') return `${base}${route.path}`;
  return req.originalUrl.startsWith('/api/') ? '/api/*' : 'unmatched';
}
