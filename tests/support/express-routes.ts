import type { Express } from 'express';

/** What express 5's router (router 2.x) keeps of each layer: enough to list the routes it serves. */
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

export interface RegisteredRoute {
  method: string;
  /** The express path, parameters as `:name`. */
  path: string;
}

/**
 * Every route the app serves, with the mount paths of its routers prefixed: a walk of the router
 * stack, so nothing registered anywhere escapes it. Middleware layers without a route are left out.
 */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        if (typeof layer.route.path !== 'string') throw new Error(`a route whose path is not a string: ${String(layer.route.path)}`);
        for (const method of Object.keys(layer.route.methods)) routes.push({ method, path: join(prefix, layer.route.path) });
      } else if (layer.handle.stack) {
        if (typeof layer.rawPath !== 'string') throw new Error(`a router mounted on a path that is not a string: ${String(layer.rawPath)}`);
        walk(layer.handle.stack, join(prefix, layer.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes;
}

function join(prefix: string, path: string): string {
  if (path === '/') return prefix || '/';
  // A router mounted without a path (the operations routes) adds nothing before its routes.
  if (prefix === '/') return path;
  return `${prefix}${path}`;
}
