import type { Request, RequestHandler, Response } from 'express';
import { failSpan, httpDuration, httpRequests, inSpan, log, requestIdFrom, withRequestId } from '../observability/index.js';

interface ObservedLocals {
  requestId?: string;
  /** The path a router was mounted at, noted by `markRouteBase` as the request enters it. */
  routeBase?: string;
}

/**
 * Gives each request its id (the caller's X-Request-Id, or a new one), echoes it in the response,
 * and once the response is sent logs one line and counts it in the metrics by route template. When
 * an OpenTelemetry SDK is registered, the request is a server span too, named by its route template.
 */
export function observeRequests(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.get('x-request-id'));
    (res.locals as ObservedLocals).requestId = requestId;
    res.set('X-Request-Id', requestId);
    const stop = httpDuration.startTimer();
    const tenant = req.get('x-tenant') ?? undefined;
    const attributes = { 'http.request.method': req.method, 'url.path': req.path, 'crm.request_id': requestId, ...(tenant ? { 'crm.tenant': tenant } : {}) };
    inSpan(req.method, 'server', attributes, req.headers, (span) => {
      res.once('finish', () => {
        const labels = { method: req.method, route: routeTemplate(req, res), status: String(res.statusCode) };
        const seconds = stop(labels);
        httpRequests.inc(labels);
        span.updateName(`${req.method} ${labels.route}`);
        span.setAttributes({ 'http.route': labels.route, 'http.response.status_code': res.statusCode });
        if (res.statusCode >= 500) failSpan(span, `answered ${res.statusCode}`);
        span.end();
        withRequestId(requestId, () => {
          log.info({ ...labels, url: req.originalUrl.split('?')[0], tenant, ms: Math.round(seconds * 1000) }, 'request');
        });
      });
      withRequestId(requestId, next);
    });
  };
}

/** Mounted before a router: notes the path it is mounted at, the first half of the route template. */
export const markRouteBase: RequestHandler = (req, res, next) => {
  (res.locals as ObservedLocals).routeBase = req.baseUrl;
  next();
};

/**
 * The route as written (`/api/v1/records/:object/:id`), never the URL itself: a label per record id
 * would grow the metrics without bound. A request no route answered counts under its router's
 * path (`/api/v1/records/*`), or as `unmatched`.
 */
function routeTemplate(req: Request, res: Response): string {
  const base = (res.locals as ObservedLocals).routeBase;
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${base ?? ''}${route.path}`;
  return base ? `${base}/*` : 'unmatched';
}
