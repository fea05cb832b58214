import { Router } from 'express';
import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { activePack, availablePack, exportPack, type PackCode, installPack, listPackActions, listPacks, packFromBody, planInstall, uninstallPack, type ExportRequest, type InstallOptions, type Pack, type Resolutions } from '../../packs/index.js';
import { queryString } from '../query-string.js';
import type { Platform } from '../../tenancy/index.js';
import { requestContext } from '../request-context.js';
import { requestTenant } from '../request-tenant.js';
import type { OperationContext } from '../../context/index.js';

/**
 * /api/v1/packs: the packs installed in the tenant and those the packs folder offers; the plan
 * (a dry run) and the install or upgrade of one, named from the folder (`{ "name": "sales" }`)
 * or sent whole (`{ "pack": { manifest, items } }`, what the CLI sends from a consultant's folder),
 * with the admin's resolutions of its conflicts.
 */
export function packRoutes(platform: Platform): Router {
  const { packsDir } = platform;
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listPacks(await requestContext(platform, req), packsDir));
  });
  router.get('/actions', async (req, res) => {
    res.json(listPackActions(await requestContext(platform, req)));
  });
  router.post('/plan', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const { pack, resolutions, options } = await parseRequest(packsDir, req.body, ctx);
    res.json({ plan: await planInstall(ctx, pack, resolutions, options) });
  });
  router.post('/install', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const { pack, resolutions, options } = await parseRequest(packsDir, req.body, ctx);
    res.json(await installPack(ctx, pack, resolutions, options));
  });
  router.post('/export', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const { manifest, items, translations, data, folders } = await exportPack(ctx, parseExport(req.body));
    res.json({ pack: { manifest, items, ...(translations ? { translations } : {}), ...(data ? { data } : {}), ...(folders ? { folders } : {}) } });
  });
  router.delete('/:name', async (req, res) => {
    const ctx = await requestContext(platform, req);
    const force = queryString(req.query as Record<string, unknown>, 'force');
    if (force !== undefined && force !== 'true' && force !== 'false') throw new ValidationError([{ path: '/query/force', message: msg`must be true or false` }]);
    res.json(await uninstallPack(ctx, req.params.name, { force: force === 'true' }));
  });
  // The routes of the packs installed in the request's tenant: /api/v1/packs/<pack>/<its path>.
  router.use('/:pack', async (req, res, next) => {
    const code = activePack(requestTenant(res), req.params.pack!);
    if (!code?.routes) return next();
    return packRouter(platform, code)(req, res, next);
  });
  return router;
}

/** One router per pack's code (the same in every tenant that installed it), made when first asked. */
const routers = new WeakMap<PackCode, Router>();

function packRouter(platform: Platform, code: PackCode): Router {
  let router = routers.get(code);
  if (router) return router;
  router = Router();
  for (const route of code.routes ?? []) {
    router[route.method](route.path, async (req, res) => {
      // The request's user, with their permissions: a pack's route sees and changes only what they may.
      const ctx = { ...(await requestContext(platform, req)), source: 'plugin' as const };
      res.json(await route.handle(ctx, { params: req.params as Record<string, string>, query: req.query as Record<string, unknown>, body: req.body as unknown }));
    });
  }
  routers.set(code, router);
  return router;
}

/** A pack sent whole may hold definitions of the kinds the tenant's packs add (one exported from a tenant with them). */
async function parseRequest(packsDir: string, body: unknown, ctx: OperationContext): Promise<{ pack: Pack; resolutions: Resolutions; options: InstallOptions }> {
  const request = (body ?? {}) as { name?: unknown; pack?: unknown; resolutions?: unknown; upgrade?: unknown; demoData?: unknown };
  const resolutions = parseResolutions(request.resolutions);
  const options = parseOptions(request);
  if (typeof request.name === 'string' && request.pack === undefined) return { pack: await availablePack(packsDir, request.name), resolutions, options };
  if (request.name === undefined && request.pack !== undefined) {
    try {
      return { pack: packFromBody(request.pack, ctx.snapshot.packKinds.kinds), resolutions, options };
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(error.details.map((detail) => ({ ...detail, path: `/pack${detail.path}` })));
      throw error;
    }
  }
  throw new ValidationError([{ path: '', message: msg`must name a pack of the packs folder ({ "name": … }) or send one ({ "pack": { manifest, items } }), not both` }]);
}

/** `"upgrade": true` refuses a first install (the CLI's `pack upgrade`); `"demoData": true` creates the pack's demo records too. */
function parseOptions(request: { upgrade?: unknown; demoData?: unknown }): InstallOptions {
  const problems: ErrorDetail[] = [];
  for (const key of ['upgrade', 'demoData'] as const) {
    if (request[key] !== undefined && typeof request[key] !== 'boolean') problems.push({ path: `/${key}`, message: msg`must be true or false` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { upgrade: request.upgrade === true, demoData: request.demoData === true };
}

/** `{ manifest, objects?: [names], items?: ["kind:name"], translations?: [languages], data?: [objects] }`. */
function parseExport(body: unknown): ExportRequest {
  const request = (body ?? {}) as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  for (const key of ['objects', 'items', 'translations', 'data'] as const) {
    const list = request[key];
    if (list !== undefined && !(Array.isArray(list) && list.length <= 2000 && list.every((entry) => typeof entry === 'string'))) {
      problems.push({ path: `/${key}`, message: msg`must be a list of names` });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return request as unknown as ExportRequest;
}

/** `{ "object:lead": { "/label/en": "theirs" } }`: per definition, per conflict path, whose change wins. */
function parseResolutions(value: unknown): Resolutions {
  if (value === undefined) return {};
  const problems: ErrorDetail[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) problems.push({ path: '/resolutions', message: msg`must be an object of definitions ("object:lead"), each an object of conflict paths` });
  else {
    for (const [key, paths] of Object.entries(value)) {
      if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) {
        problems.push({ path: `/resolutions/${key}`, message: msg`must be an object of conflict paths, each "ours" or "theirs"` });
        continue;
      }
      for (const [path, side] of Object.entries(paths as object)) {
        if (side !== 'ours' && side !== 'theirs') problems.push({ path: `/resolutions/${key}/${path}`, message: msg`must be "ours" (keep the tenant's) or "theirs" (take the pack's)` });
      }
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return value as Resolutions;
}
