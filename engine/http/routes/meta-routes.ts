import { Router } from 'express';
import {
  addField,
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
  listObjects,
  objectRecordCounts,
  objectRightsOf,
  patchObject,
  putCurrency,
  replaceObject,
  testExpression,
  updateField,
} from '../../metadata/operations/index.js';
import { parseFlag, parseLimit } from '../../records/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';
import { definitionRoutes } from './definition-routes.js';
import { machineConfig } from '../../approvals/process-machine.js';
import { simulateProcess } from '../../approvals/simulate-process.js';
import { getBackfill, listBackfills } from '../../metadata/backfills/index.js';

/** /api/v1/meta: metadata CRUD; every write goes through the registry and bumps the version. */
export function metaRoutes(platform: Platform): Router {
  const router = Router();
  const context = (req: import('express').Request) => requestContext(platform, req);

  router.get('/objects', async (req, res) => {
    const ctx = await context(req);
    res.json({ objects: listObjects(ctx), rights: objectRightsOf(ctx), version: ctx.snapshot.version });
  });
  router.post('/objects', async (req, res) => {
    const result = await createObject(await context(req), req.body);
    res.status(201).location(`${req.baseUrl}/objects/${result.definition.name}`).json(result);
  });
  router.get('/objects/:name', async (req, res) => {
    const ctx = await context(req);
    res.json({ definition: getObject(ctx, req.params.name), version: ctx.snapshot.version });
  });
  router.put('/objects/:name', async (req, res) => {
    res.json(await replaceObject(await context(req), req.params.name, req.body));
  });
  router.patch('/objects/:name', async (req, res) => {
    res.json(await patchObject(await context(req), req.params.name, req.body));
  });
  router.delete('/objects/:name', async (req, res) => {
    const deleteRecords = parseFlag('deleteRecords', queryString(req.query as Record<string, unknown>, 'deleteRecords'));
    res.json(await deleteObject(await context(req), req.params.name, { deleteRecords }));
  });

  router.get('/objects/:name/fields', async (req, res) => {
    const ctx = await context(req);
    res.json({ fields: listFields(ctx, req.params.name), version: ctx.snapshot.version });
  });
  router.post('/objects/:name/fields', async (req, res) => {
    const result = await addField(await context(req), req.params.name, req.body);
    res.status(201).location(`${req.baseUrl}/objects/${req.params.name}/fields/${result.definition.name}`).json(result);
  });
  router.get('/objects/:name/fields/:field', async (req, res) => {
    const ctx = await context(req);
    res.json({ definition: getField(ctx, req.params.name, req.params.field), version: ctx.snapshot.version });
  });
  router.put('/objects/:name/fields/:field', async (req, res) => {
    res.json(await updateField(await context(req), req.params.name, req.params.field, req.body, 'replace'));
  });
  router.patch('/objects/:name/fields/:field', async (req, res) => {
    res.json(await updateField(await context(req), req.params.name, req.params.field, req.body, 'merge'));
  });
  // What a proposed definition would do to the stored values (how many convert, which fail), written nowhere.
  router.post('/objects/:name/fields/:field/impact', async (req, res) => {
    res.json(await fieldImpact(await context(req), req.params.name, req.params.field, req.body));
  });
  router.delete('/objects/:name/fields/:field', async (req, res) => {
    res.json(await deleteField(await context(req), req.params.name, req.params.field));
  });

  definitionRoutes(router, context);
  // The compiled XState machine config of a process, for the studio's diagram.
  router.get('/approval-processes/:name/machine', async (req, res) => {
    const ctx = await context(req);
    const definition = getSetupDefinition(ctx, 'approvalProcess', req.params.name);
    res.json({ machine: machineConfig(definition), version: ctx.snapshot.version });
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
    res.json({ definition: getCurrency(ctx, req.params.name), version: ctx.snapshot.version });
  });
  router.put('/currencies/:name', async (req, res) => {
    res.json(await putCurrency(await context(req), req.params.name, req.body));
  });
  router.delete('/currencies/:name', async (req, res) => {
    res.json(await deleteCurrency(await context(req), req.params.name));
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
    const limit = parseLimit(queryString(req.query as Record<string, unknown>, 'limit'));
    res.json({ entries: await listMetadataHistory(ctx, limit), version: ctx.snapshot.version });
  });
  return router;
}
