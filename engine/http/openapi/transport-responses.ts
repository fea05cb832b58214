import { responseRef } from './common-components.js';
import type { Operation, PathItem, Reference, Response } from './openapi-types.js';

type Responses = Operation['responses'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];
const SAFE = new Set<Method>(['get']);

/**
 * What the HTTP layer answers before (or instead of) any operation, so each operation declares it:
 * every request passes Node's header limit (431), the JSON body parser (400 malformed or too deep,
 * 413, 415, whatever the method) and the router's decoding of the path (400), and can meet a bug
 * (500). Requests in a tenant pass its X-Tenant check (400, 404); signed-in ones the authentication
 * (401), the per-user rate limit (429) and, for a session changing data, the CSRF check (403).
 * See create-app.ts for the order; an operation's own description of a status wins.
 */
function transportResponses(path: string, method: Method, operation: Operation): Responses {
  const isPublic = operation.security !== undefined && operation.security.length === 0;
  const inTenant = path.startsWith('/api/v1/');
  const always: Record<string, Response | Reference> = {
    '400': responseRef('BadRequest', 'The input is not valid; for any operation also: a body that is not JSON or nests over 100 levels, a malformed percent-escape in the path, a repeated query parameter.'),
    '413': responseRef('PayloadTooLarge'),
    '415': responseRef('UnsupportedMediaType'),
    '431': responseRef('HeadersTooLarge'),
    '500': responseRef('InternalError'),
  };
  return {
    ...always,
    ...(inTenant ? { '404': responseRef('NotFound', 'Not found; for any operation also: X-Tenant names no tenant (`unknown_tenant`).') } : {}),
    ...(inTenant && !isPublic ? { '401': responseRef('Unauthorized'), '429': responseRef('TooManyRequests') } : {}),
    ...(inTenant && !isPublic && !SAFE.has(method) ? { '403': responseRef('Forbidden') } : {}),
  };
}

/** The operation with the transport's answers added to its own, statuses in order. */
function withTransport(path: string, method: Method, operation: Operation): Operation {
  const merged = { ...transportResponses(path, method, operation), ...operation.responses };
  const responses = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  return { ...operation, responses };
}

/**
 * Every path of the document with the transport's answers declared on each operation. Path items
 * come from cached fragments: each is copied, never changed.
 */
export function declareTransportResponses(paths: Record<string, PathItem>): Record<string, PathItem> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      const copy: PathItem = { ...item };
      for (const method of METHODS) {
        const operation = item[method];
        if (operation) copy[method] = withTransport(path, method, operation);
      }
      return [path, copy];
    }),
  );
}
