import type { Request, Router } from 'express';
import {
  createDefinition,
  DEFINITION_KINDS,
  deleteDefinition,
  getDefinition,
  listDefinitions,
  replaceDefinition,
  type StandaloneKind,
} from '../../metadata/operations/index.js';
import type { OperationContext } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';

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
      res.json({ [DEFINITION_KINDS[kind].plural]: listDefinitions(ctx, kind, { object }), version: ctx.snapshot.version });
    });
    router.post(path, async (req, res) => {
      const result = await createDefinition(await context(req), kind, req.body);
      res.status(201).location(`${req.baseUrl}${path}/${result.definition.name}`).json(result);
    });
    router.get(`${path}/:name`, async (req, res) => {
      const ctx = await context(req);
      res.json({ definition: getDefinition(ctx, kind, req.params.name), version: ctx.snapshot.version });
    });
    router.put(`${path}/:name`, async (req, res) => {
      res.json(await replaceDefinition(await context(req), kind, req.params.name, req.body));
    });
    router.delete(`${path}/:name`, async (req, res) => {
      res.json(await deleteDefinition(await context(req), kind, req.params.name));
    });
  }
}
