import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { parseLimit } from '../records/index.js';
import type { DrillRequest, PathCondition, RunConditions } from '../reports/index.js';
import { queryJson, queryString } from './query-string.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PATH = /^[a-z_][a-zA-Z0-9_]*(\.[a-z_][a-zA-Z0-9_]*){0,3}$/;

type Input = Record<string, unknown>;

/**
 * What a run adds to a report, from a POST body or a GET's query (JSON in `filter` and `where`):
 * `filter` in the filter language (`within` allowed), `where` conditions by field path
 * ({"account.sector": "retail"}), `today` the day relative periods and aging count from.
 */
export function runConditions(input: Input, fromQuery: boolean): RunConditions {
  const problems: ErrorDetail[] = [];
  const json = (name: string) => (fromQuery ? jsonParameter(input, name) : input[name]);
  const filter = json('filter');
  const where = json('where');
  const today = fromQuery ? queryString(input, 'today') : input.today;
  if (filter !== undefined && (filter === null || typeof filter !== 'object' || Array.isArray(filter))) problems.push({ path: '/filter', message: msg`must be an object of conditions, like {"amount": {"gte": 100}}` });
  const paths: PathCondition[] = [];
  if (where !== undefined) {
    if (where === null || typeof where !== 'object' || Array.isArray(where)) problems.push({ path: '/where', message: msg`must be an object of field paths and conditions, like {"account.sector": "retail"}` });
    else {
      for (const [path, condition] of Object.entries(where)) {
        if (!PATH.test(path)) problems.push({ path: `/where/${path}`, message: msg`is not a field path, like account.sector` });
        else paths.push({ path, condition, at: `/where/${path}` });
      }
    }
  }
  if (today !== undefined && (typeof today !== 'string' || !DAY.test(today) || Number.isNaN(Date.parse(today)))) problems.push({ path: '/today', message: msg`must be a day like 2026-03-31` });
  if (problems.length > 0) throw new ValidationError(problems);
  return { ...(filter === undefined ? {} : { filter }), ...(paths.length > 0 ? { paths } : {}), ...(typeof today === 'string' ? { today } : {}) };
}

/** A query parameter holding JSON, parsed; undefined when absent. */
export function jsonParameter(query: Input, name: string): unknown {
  const text = queryJson(query, name);
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError([{ path: `/${name}`, message: msg`must be JSON, like {"amount":{"gte":10000}}` }]);
  }
}

/** A drill-down's body: the run's conditions and the keys of the cell, with the list's paging. */
export function drillInput(body: Input): DrillRequest {
  const problems: ErrorDetail[] = [];
  const keys = (name: 'row' | 'column') => {
    const value = body[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((key) => key !== null && typeof key === 'object')) {
      problems.push({ path: `/${name}`, message: msg`must be a list of group keys as the run answered them, like ["won", "2026-03"]` });
      return undefined;
    }
    return value as unknown[];
  };
  const row = keys('row');
  const column = keys('column');
  const text = (name: string) => {
    const value = body[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') problems.push({ path: `/${name}`, message: msg`must be text` });
    return typeof value === 'string' ? value : undefined;
  };
  const cursor = text('cursor');
  const fields = text('fields');
  const limit = body.limit === undefined ? undefined : parseLimit(String(body.limit));
  if (problems.length > 0) throw new ValidationError(problems);
  return { ...runConditions(body, false), ...(row ? { row } : {}), ...(column ? { column } : {}), ...(cursor ? { cursor } : {}), ...(fields ? { fields } : {}), ...(limit ? { limit } : {}) };
}
