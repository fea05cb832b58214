import { Router } from 'express';
import {
  addField,
  applyDefaultToExisting,
  createObject,
  deleteCurrency,
  deleteField,
  fieldImpact,
  deleteObject,
  getCurrency,
  getSetupDefinition,
  getField,
  getObject,
  listCurrencies,
  listFields,
  listMetadataHistory,
  listPackKinds,
  type MetadataHistoryQuery,
  listObjects,
  objectRecordCounts,
  objectRightsOf,
  patchObject,
  putCurrency,
  replaceObject,
  testExpression,
  updateField,
} from '../../setup/operations/index.js';
import { parseFlag, parseLimit } from '../../records/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';
import { conditionalContext, withEtag, withWrittenEtag } from '../metadata-preconditions.js';
import { itemEtag } from '../../metadata/definition-etag.js';
import { definitionRoutes, packKindRoutes } from './definition-routes.js';
import { machineConfig } from '../../metadata/approval-processes/process-machine.js';
import { simulateProcess } from '../../approvals/simulate-process.js';
import { listProcessVersions } from '../../approvals/process-version-list.js';
import { getBackfill, listBackfills } from '../../setup/backfills/index.js';

const fieldItem = (object: string, field: string) => ({ kind: 'object' as const, name: object, field });
const objectItem = (object: { name: string }) => ({ kind: 'object' as const, name: object.name });

/** The ETag of each field the caller was shown (never one field-level security hides), for an editor that changes one field of the object it read. */
function fieldEtagsOf(ctx: import('../../context/index.js').OperationContext, object: string, shown: readonly { name: string }[]): Record<string, string | undefined> {
  return Object.fromEntries(shown.map((field) => [field.name, itemEtag(ctx.snapshot, fieldItem(object, field.name))]));
}

/** /api/v1/meta: metadata CRUD; every write goes through the registry and bumps the version. */
export function metaRoutes(platform: Platform): Router {
  const router = Router();
  const context = (req: import('express').Request) => requestContext(platform, req);

  router.get('/objects', async (req, res) => {
    const ctx = await context(req);
    res.json({ objects: listObjects(ctx), rights: objectRightsOf(ctx), version: ctx.snapshot.version });
  });
  router.post('/objects', async (req, res) => {
    const ctx = await context(req);
    const result = await createObject(ctx, req.body);
    res.status(201).location(`${req.baseUrl}/objects/${result.definition.name}`).json(withWrittenEtag(res, ctx, objectItem, result));
  });
  router.get('/objects/:name', async (req, res) => {
    const ctx = await context(req);
    const definition = getObject(ctx, req.params.name);
    res.json({ ...withEtag(res, ctx, { kind: 'object', name: req.params.name }, { definition, version: ctx.snapshot.version }), fieldEtags: fieldEtagsOf(ctx, req.params.name, definition.fields ?? []) });
  });
  router.put('/objects/:name', async (req, res) => {
    const ctx = await conditionalContext(context, req, { kind: 'object', name: req.params.name });
    res.json(withWrittenEtag(res, ctx, objectItem, await replaceObject(ctx, req.params.name, req.body)));
  });
  router.patch('/objects/:name', async (req, res) => {
    const ctx = await conditionalContext(context, req, { kind: 'object', name: req.params.name });
    res.json(withWrittenEtag(res, ctx, objectItem, await patchObject(ctx, req.params.name, req.body)));
  });
  router.delete('/objects/:name', async (req, res) => {
    const deleteRecords = parseFlag('deleteRecords', queryString(req.query as Record<string, unknown>, 'deleteRecords'));
    res.json(await deleteObject(await conditionalContext(context, req, { kind: 'object', name: req.params.name }), req.params.name, { deleteRecords }));
  });

  router.get('/objects/:name/fields', async (req, res) => {
    const ctx = await context(req);
    res.json({ fields: listFields(ctx, req.params.name), version: ctx.snapshot.version });
  });
  router.post('/objects/:name/fields', async (req, res) => {
    const ctx = await context(req);
    const result = await addField(ctx, req.params.name, req.body);
    res.status(201).location(`${req.baseUrl}/objects/${req.params.name}/fields/${result.definition.name}`).json(withWrittenEtag(res, ctx, (field) => fieldItem(req.params.name, field.name), result));
  });
  router.get('/objects/:name/fields/:field', async (req, res) => {
    const ctx = await context(req);
    const definition = getField(ctx, req.params.name, req.params.field);
    res.json(withEtag(res, ctx, fieldItem(req.params.name, req.params.field), { definition, version: ctx.snapshot.version }));
  });
  router.put('/objects/:name/fields/:field', async (req, res) => {
    const ctx = await conditionalContext(context, req, fieldItem(req.params.name, req.params.field));
    const result = await updateField(ctx, req.params.name, req.params.field, req.body, 'replace');
    res.json(withWrittenEtag(res, ctx, (field) => fieldItem(req.params.name, field.name), result));
  });
  router.patch('/objects/:name/fields/:field', async (req, res) => {
    const ctx = await conditionalContext(context, req, fieldItem(req.params.name, req.params.field));
    const result = await updateField(ctx, req.params.name, req.params.field, req.body, 'merge');
    res.json(withWrittenEtag(res, ctx, (field) => fieldItem(req.params.name, field.name), result));
  });
  // What a proposed definition would do to the stored values (how many convert, which fail), written nowhere.
  router.post('/objects/:name/fields/:field/impact', async (req, res) => {
    res.json(await fieldImpact(await context(req), req.params.name, req.params.field, req.body));
  });
  // The field's default given to the records holding no value of it: at once when few, else by a backfill (202).
  router.post('/objects/:name/fields/:field/apply-default', async (req, res) => {
    const applied = await applyDefaultToExisting(await context(req), req.params.name, req.params.field);
    res.status(applied.backfill ? 202 : 200).json(applied);
  });
  router.delete('/objects/:name/fields/:field', async (req, res) => {
    res.json(await deleteField(await conditionalContext(context, req, fieldItem(req.params.name, req.params.field)), req.params.name, req.params.field));
  });

  definitionRoutes(router, context);
  // The compiled XState machine config of a process, for the studio's diagram.
  router.get('/approval-processes/:name/machine', async (req, res) => {
    const ctx = await context(req);
    const definition = getSetupDefinition(ctx, 'approvalProcess', req.params.name);
    res.json({ machine: machineConfig(definition), version: ctx.snapshot.version });
  });
  router.get('/approval-processes/:name/versions', async (req, res) => {
    res.json(await listProcessVersions(await context(req), req.params.name));
  });
  // The path a sample or stored record would take through a process, written nowhere.
  router.post('/approval-processes/:name/simulate', async (req, res) => {
    res.json(await simulateProcess(await context(req), req.params.name, req.body));
  });

  router.get('/currencies', async (req, res) => {
    const ctx = await context(req);
    res.json({ ...listCurrencies(ctx), version: ctx.snapshot.version });
  });
  router.get('/currencies/:name', async (req, res) => {
    const ctx = await context(req);
    const definition = getCurrency(ctx, req.params.name);
    res.json(withEtag(res, ctx, { kind: 'currency', name: req.params.name }, { definition, version: ctx.snapshot.version }));
  });
  router.put('/currencies/:name', async (req, res) => {
    res.json(await putCurrency(await conditionalContext(context, req, { kind: 'currency', name: req.params.name }), req.params.name, req.body));
  });
  router.delete('/currencies/:name', async (req, res) => {
    res.json(await deleteCurrency(await conditionalContext(context, req, { kind: 'currency', name: req.params.name }), req.params.name));
  });

  router.post('/expressions/test', async (req, res) => {
    res.json(await testExpression(await context(req), req.body));
  });

  // What metadata changes still recompute in the background, with their progress.
  router.get('/backfills', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const status = queryString(query, 'status');
    const object = queryString(query, 'object');
    const before = queryString(query, 'before');
    res.json(
      await listBackfills(await context(req), {
        limit: parseLimit(queryString(query, 'limit')),
        ...(status === undefined ? {} : { status }),
        ...(object === undefined ? {} : { object }),
        ...(before === undefined ? {} : { before }),
      }),
    );
  });
  router.get('/backfills/:id', async (req, res) => {
    res.json(await getBackfill(await context(req), req.params.id));
  });

  router.get('/record-counts', async (req, res) => {
    res.set('Cache-Control', 'no-store').json({ objects: await objectRecordCounts(await context(req)) });
  });
  router.get('/history', async (req, res) => {
    const ctx = await context(req);
    const query = req.query as Record<string, unknown>;
    const criteria: MetadataHistoryQuery = { limit: parseLimit(queryString(query, 'limit')) };
    for (const key of ['kind', 'name', 'before'] as const) {
      const value = queryString(query, key);
      if (value !== undefined) criteria[key] = value;
    }
    res.json({ ...(await listMetadataHistory(ctx, criteria)), version: ctx.snapshot.version });
  });
  router.get('/kinds', async (req, res) => {
    const ctx = await context(req);
    res.json({ kinds: listPackKinds(ctx), version: ctx.snapshot.version });
  });
  // Last: the kinds of the tenant's packs, at paths no fixed route above has.
  packKindRoutes(router, context);
  return router;
}
