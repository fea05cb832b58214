import type { Request, Router } from 'express';
import { createDefinition, deleteDefinition, getDefinition, listDefinitions, replaceDefinition } from '../../setup/operations/index.js';
import { STANDALONE_KINDS, standaloneKind } from '../../metadata/kinds/index.js';
import type { OperationContext } from '../../context/index.js';
import { queryString } from '../query-string.js';
import { conditionalContext, withEtag, withWrittenEtag } from '../metadata-preconditions.js';
import { itemEtag } from '../../metadata/definition-etag.js';

/**
 * The same five routes for each kind the generic CRUD serves, at the path its kind.ts gives: list
 * (of one object with `?object=`, for kinds that belong to one) and create, then get, replace and
 * delete by name.
 */
export function definitionRoutes(router: Router, context: (req: Request) => Promise<OperationContext>): void {
  for (const kind of STANDALONE_KINDS) {
    const { path: segment, plural } = standaloneKind(kind);
    const path = `/${segment}`;
    router.get(path, async (req, res) => {
      const ctx = await context(req);
      const object = queryString(req.query as Record<string, unknown>, 'object');
      const definitions = listDefinitions(ctx, kind, { object }) as { name: string }[];
      // Each one's ETag, for editors that open a definition from the list.
      const etags = Object.fromEntries(definitions.map((definition) => [definition.name, itemEtag(ctx.snapshot, { kind, name: definition.name })]));
      res.json({ [plural]: definitions, etags, version: ctx.snapshot.version });
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
