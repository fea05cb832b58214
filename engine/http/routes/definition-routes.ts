import type { Request, Router } from 'express';
import {
  createDefinition,
  DEFINITION_KINDS,
  deleteDefinition,
  getDefinition,
  listDefinitions,
  replaceDefinition,
  type StandaloneKind,
} from '../../setup/operations/index.js';
import type { OperationContext } from '../../context/index.js';
import { queryString } from '../query-string.js';
import { conditionalContext, withEtag, withWrittenEtag } from '../metadata-preconditions.js';
import { itemEtag } from '../../metadata/definition-etag.js';

/** Where each kind defined on its own lives under /api/v1/meta. */
export const DEFINITION_PATHS: Readonly<Record<StandaloneKind, string>> = {
  layout: 'layouts',
  role: 'roles',
  group: 'groups',
  permissionSet: 'permission-sets',
  sharingRule: 'sharing-rules',
  approvalProcess: 'approval-processes',
  automationRule: 'automation-rules',
  app: 'apps',
  listView: 'list-views',
};

/**
 * The same five routes for each of those kinds: list (of one object with `?object=`, for kinds
 * that belong to one) and create, then get, replace and delete by name.
 */
export function definitionRoutes(router: Router, context: (req: Request) => Promise<OperationContext>): void {
  for (const kind of Object.keys(DEFINITION_PATHS) as StandaloneKind[]) {
    const path = `/${DEFINITION_PATHS[kind]}`;
    router.get(path, async (req, res) => {
      const ctx = await context(req);
      const object = queryString(req.query as Record<string, unknown>, 'object');
      const definitions = listDefinitions(ctx, kind, { object }) as { name: string }[];
      // Each one's ETag, for editors that open a definition from the list.
      const etags = Object.fromEntries(definitions.map((definition) => [definition.name, itemEtag(ctx.snapshot, { kind, name: definition.name })]));
      res.json({ [DEFINITION_KINDS[kind].plural]: definitions, etags, version: ctx.snapshot.version });
    });
    router.post(path, async (req, res) => {
      const ctx = await context(req);
      const result = await createDefinition(ctx, kind, req.body);
      res.status(201).location(`${req.baseUrl}${path}/${result.definition.name}`).json(withWrittenEtag(res, ctx, (definition) => ({ kind, name: definition.name }), result));
    });
    router.get(`${path}/:name`, async (req, res) => {
      const ctx = await context(req);
      const definition = getDefinition(ctx, kind, req.params.name);
      res.json(withEtag(res, ctx, { kind, name: req.params.name }, { definition, version: ctx.snapshot.version }));
    });
    router.put(`${path}/:name`, async (req, res) => {
      const ctx = await conditionalContext(context, req, { kind, name: req.params.name });
      res.json(withWrittenEtag(res, ctx, (definition) => ({ kind, name: definition.name }), await replaceDefinition(ctx, kind, req.params.name, req.body)));
    });
    router.delete(`${path}/:name`, async (req, res) => {
      res.json(await deleteDefinition(await conditionalContext(context, req, { kind, name: req.params.name }), kind, req.params.name));
    });
  }
}
