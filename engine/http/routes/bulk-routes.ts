import express, { Router, type Request } from 'express';
import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { bulkWrite, presentRowError, type BulkMode, type RowOutcome } from '../../records/bulk/index.js';
import type { Language } from '../../i18n/language.js';
import type { Platform } from '../../tenancy/index.js';
import { checkJsonNesting } from '../json-nesting.js';
import { queryString } from '../query-string.js';
import { requestContext } from '../request-context.js';
import { checkUtf8Body } from '../utf8-input.js';
import { parseFlag } from '../../records/index.js';

/** The most bytes of one bulk request: 10,000 records of a few KB each. */
export const DEFAULT_BULK_BODY_LIMIT = '32mb';

/** The bulk API reads its own bodies (larger than the JSON parser's limit, and NDJSON too). */
export function isBulkRequest(req: Request): boolean {
  return req.path.startsWith('/api/v1/bulk/');
}

/**
 * /api/v1/bulk/:object: many records in one request (a JSON array, or NDJSON: one JSON object a
 * line), inserted, updated or upserted by an external id, each through the one write path, with a
 * result per record. One request against the rate limit, however many records.
 */
export function bulkRoutes(platform: Platform, bodyLimit: string = DEFAULT_BULK_BODY_LIMIT): Router {
  const router = Router();
  router.post('/:object', express.raw({ type: () => true, limit: bodyLimit }), async (req: Request<{ object: string }>, res) => {
    const ctx = await requestContext(platform, req);
    const query = req.query as Record<string, unknown>;
    const externalId = queryString(query, 'externalId');
    const mode = (queryString(query, 'mode') ?? (externalId ? 'upsert' : 'insert')) as BulkMode;
    const dryRun = parseFlag('dryRun', queryString(query, 'dryRun')) ?? false;
    const records = bulkBody(req);
    const outcomes = await bulkWrite(ctx, req.params.object, records.values, { mode, ...(externalId ? { externalId } : {}), dryRun });
    res.json(presentOutcomes(outcomes, records.rows, ctx.language, dryRun));
  });
  return router;
}

/** The records of a bulk body and the row each came from (NDJSON: its line; an array: its position), both from 1. */
function bulkBody(req: Request): { values: unknown[]; rows: number[] } {
  const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  checkUtf8Body(bytes, null);
  const text = bytes.toString('utf8');
  const type = req.get('content-type') ?? '';
  if (/^application\/(x-)?ndjson\b|^application\/jsonl\b/i.test(type)) return ndjson(text);
  if (!/^application\/json\b/i.test(type)) {
    throw new ValidationError([{ path: '', message: msg`must be sent as application/json (an array of records) or application/x-ndjson (one record a line)` }]);
  }
  checkJsonNesting(bytes, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError([{ path: '', message: msg`is not valid JSON` }]);
  }
  if (!Array.isArray(parsed)) throw new ValidationError([{ path: '', message: msg`must be a JSON array of records` }]);
  return { values: parsed, rows: parsed.map((_value, index) => index + 1) };
}

function ndjson(text: string): { values: unknown[]; rows: number[] } {
  const values: unknown[] = [];
  const rows: number[] = [];
  const problems: { path: string; message: ReturnType<typeof msg> }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    checkJsonNesting(line, `/${index + 1}`);
    try {
      values.push(JSON.parse(line));
      rows.push(index + 1);
    } catch {
      problems.push({ path: `/${index + 1}`, message: msg`line ${index + 1} is not valid JSON` });
    }
  });
  // A line that is not JSON is the file's problem, not a record's: nothing is written.
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 20));
  return { values, rows };
}

export interface BulkResponse {
  dryRun: boolean;
  created: number;
  updated: number;
  failed: number;
  /** In order; a dry run names no ids, since nothing was stored. */
  results: ({ row: number; status: 'created' | 'updated'; id?: string } | { row: number; status: 'failed'; error: ReturnType<typeof presentRowError> })[];
}

function presentOutcomes(outcomes: readonly RowOutcome[], rows: readonly number[], language: Language, dryRun: boolean): BulkResponse {
  const count = (status: RowOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  return {
    dryRun,
    created: count('created'),
    updated: count('updated'),
    failed: count('failed'),
    // A bulk write has no earlier run: 'skipped' is an import's alone.
    results: outcomes.filter((outcome) => outcome.status !== 'skipped').map((outcome, index) =>
      outcome.status === 'failed'
        ? { row: rows[index]!, status: 'failed', error: presentRowError(outcome.error, language) }
        : { row: rows[index]!, status: outcome.status, ...(dryRun ? {} : { id: outcome.id }) },
    ),
  };
}
