import type { Request, Router } from 'express';
import { createDefinition, deleteDefinition, getDefinition, listDefinitions, replaceDefinition } from '../../setup/operations/index.js';
import { STANDALONE_KINDS, standaloneKind } from '../../metadata/kinds/index.js';
import type { OperationContext } from '../../context/index.js';
import { queryString } from '../query-string.js';
import { conditionalContext, withEtag, withWrittenEtag } from '../metadata-preconditions.js';
import { itemEtag } from '../../metadata/definition-etag.js';

/** What the routes need of the kind a request addresses. */
interface ServedPath {
  readonly kind: string;
  readonly plural: string;
  readonly path: string;
}

/**
 * The same five routes for each kind the generic CRUD serves, at the path its kind.ts gives: list
 * (of one object with `?object=`, for kinds that belong to one) and create, then get, replace and
 * delete by name. The kinds packs add are served alike at their paths, in the tenants where the
 * pack is installed (the kind is looked up in the request's snapshot; elsewhere the path is unknown).
 */
export function definitionRoutes(router: Router, context: (req: Request) => Promise<OperationContext>): void {
  for (const kind of STANDALONE_KINDS) {
    const served = standaloneKind(kind);
    crudRoutes(router, `/${served.path}`, context, () => served);
  }
}

/** The routes of the kinds the tenant's packs add: registered after every fixed path of /api/v1/meta, which they must not shadow. */
export function packKindRoutes(router: Router, context: (req: Request) => Promise<OperationContext>): void {
  crudRoutes(router, '/:kinds', context, (ctx, req) => ctx.snapshot.packKinds.all().find((kind) => kind.path === req.params.kinds));
}

function crudRoutes(router: Router, path: string, context: (req: Request) => Promise<OperationContext>, servedAt: (ctx: OperationContext, req: Request) => ServedPath | undefined): void {
  router.get(path, async (req, res, next) => {
    const ctx = await context(req);
    const served = servedAt(ctx, req);
    if (!served) return next();
    const { kind, plural } = served;
    const object = queryString(req.query as Record<string, unknown>, 'object');
    const definitions = listDefinitions(ctx, kind, { object }) as { name: string }[];
    // Each one's ETag, for editors that open a definition from the list.
    const etags = Object.fromEntries(definitions.map((definition) => [definition.name, itemEtag(ctx.snapshot, { kind, name: definition.name })]));
    res.json({ [plural]: definitions, etags, version: ctx.snapshot.version });
  });
  router.post(path, async (req, res, next) => {
    const ctx = await context(req);
    const served = servedAt(ctx, req);
    if (!served) return next();
    const result = await createDefinition(ctx, served.kind, req.body);
    res
      .status(201)
      .location(`${req.baseUrl}/${served.path}/${result.definition.name}`)
      .json(withWrittenEtag(res, ctx, (definition) => ({ kind: served.kind, name: definition.name }), result));
  });
  router.get(`${path}/:name`, async (req, res, next) => {
    const ctx = await context(req);
    const served = servedAt(ctx, req);
    if (!served) return next();
    const definition = getDefinition(ctx, served.kind, req.params.name!);
    res.json(withEtag(res, ctx, { kind: served.kind, name: req.params.name! }, { definition, version: ctx.snapshot.version }));
  });
  router.put(`${path}/:name`, async (req, res, next) => {
    const plain = await context(req);
    const served = servedAt(plain, req);
    if (!served) return next();
    const ctx = await conditionalContext(async () => plain, req, { kind: served.kind, name: req.params.name! });
    res.json(withWrittenEtag(res, ctx, (definition) => ({ kind: served.kind, name: definition.name }), await replaceDefinition(ctx, served.kind, req.params.name!, req.body)));
  });
  router.delete(`${path}/:name`, async (req, res, next) => {
    const plain = await context(req);
    const served = servedAt(plain, req);
    if (!served) return next();
    res.json(await deleteDefinition(await conditionalContext(async () => plain, req, { kind: served.kind, name: req.params.name! }), served.kind, req.params.name!));
  });
}
