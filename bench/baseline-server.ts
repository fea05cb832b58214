import { randomBytes } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import { REGIONS, STAGES } from './seed.js';

type Deal = Record<string, unknown> & { _id: string };

/**
 * The yardstick: what a developer would write by hand for one known object, with no metadata,
 * no schema compiler, no store port and no disk. Records live in a Map (by id) and an array
 * (for scans); validation is a handful of typeof checks.
 */
export function baselineApp(seed: Deal[]): Express {
  const byId = new Map<string, Deal>();
  const all: Deal[] = [];
  for (const deal of seed) {
    byId.set(deal._id, deal);
    all.push(deal);
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));

  app.get('/health', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });

  app.get('/deals/:id', (req: Request<{ id: string }>, res: Response) => {
    const deal = byId.get(req.params.id);
    if (!deal) return void res.status(404).json({ error: 'not found' });
    res.json(deal);
  });

  app.post('/deals', (req: Request, res: Response) => {
    const problems = validate(req.body);
    if (problems.length > 0) return void res.status(400).json({ problems });
    const now = new Date().toISOString();
    const deal: Deal = {
      ...(req.body as Record<string, unknown>),
      _id: randomBytes(12).toString('hex'),
      _version: 1,
      _owner: 'admin',
      _createdAt: now,
      _createdBy: 'admin',
      _updatedAt: now,
      _updatedBy: 'admin',
    };
    byId.set(deal._id, deal);
    all.push(deal);
    res.status(201).json(deal);
  });

  // What the issue asks of the baseline: filter, sort every match, slice.
  app.get('/deals', (req: Request, res: Response) => {
    const { test, compare, limit } = listQuery(req);
    res.json({ records: all.filter(test).sort(compare).slice(0, limit) });
  });

  // The same page with a bounded sorted buffer instead of a full sort, the technique the
  // platform's embedded store uses: shows how much of the list result is the algorithm.
  app.get('/top-deals', (req: Request, res: Response) => {
    const { test, compare, limit } = listQuery(req);
    const page: Deal[] = [];
    for (const deal of all) {
      if (!test(deal) || (page.length === limit && compare(deal, page[limit - 1]!) >= 0)) continue;
      let at = page.length;
      while (at > 0 && compare(page[at - 1]!, deal) > 0) at--;
      page.splice(at, 0, deal);
      if (page.length > limit) page.pop();
    }
    res.json({ records: page });
  });

  return app;
}

function listQuery(req: Request) {
  const filter = typeof req.query.filter === 'string' ? (JSON.parse(req.query.filter) as Record<string, unknown>) : {};
  const sort = typeof req.query.sort === 'string' ? req.query.sort : '';
  return { test: predicate(filter), compare: comparator(sort), limit: Math.min(Number(req.query.limit ?? 50), 200) };
}

const CHECKS: Record<string, (value: unknown) => boolean> = {
  title: (v) => typeof v === 'string' && v.length > 0 && v.length <= 255,
  amount: (v) => typeof v === 'number',
  quantity: (v) => Number.isInteger(v),
  stage: (v) => (STAGES as readonly unknown[]).includes(v),
  close_date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  email: (v) => typeof v === 'string' && v.includes('@'),
  active: (v) => typeof v === 'boolean',
  region: (v) => (REGIONS as readonly unknown[]).includes(v),
  score: (v) => typeof v === 'number',
  notes: (v) => typeof v === 'string' && v.length <= 255,
};

function validate(body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return ['body must be an object'];
  const values = body as Record<string, unknown>;
  const problems = Object.entries(values)
    .filter(([name, value]) => !CHECKS[name]?.(value))
    .map(([name]) => `${name} is not valid`);
  if (values.title === undefined) problems.push('title is required');
  return problems;
}

/** `{"amount":{"gte":1000},"stage":"proposal"}` as a plain predicate: eq, ne, gt, gte, lt, lte, in. */
function predicate(filter: Record<string, unknown>): (deal: Deal) => boolean {
  const tests: ((deal: Deal) => boolean)[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    const operators = condition !== null && typeof condition === 'object' ? Object.entries(condition) : [['eq', condition] as const];
    for (const [operator, operand] of operators) {
      // Numbers, dates and texts all compare with the same operators in JavaScript.
      const o = operand as number;
      const value = (d: Deal) => d[field] as number;
      if (operator === 'eq') tests.push((d) => d[field] === operand);
      else if (operator === 'ne') tests.push((d) => d[field] !== operand);
      else if (operator === 'gt') tests.push((d) => value(d) > o);
      else if (operator === 'gte') tests.push((d) => value(d) >= o);
      else if (operator === 'lt') tests.push((d) => value(d) < o);
      else if (operator === 'lte') tests.push((d) => value(d) <= o);
      else if (operator === 'in') tests.push((d) => (operand as unknown[]).includes(d[field]));
    }
  }
  return (deal) => tests.every((test) => test(deal));
}

/** `-amount,title` → compare by amount descending, then title, then _id (a total order, as the platform's). */
function comparator(sort: string): (a: Deal, b: Deal) => number {
  const keys = sort
    .split(',')
    .filter(Boolean)
    .map((key) => (key.startsWith('-') ? { field: key.slice(1), direction: -1 } : { field: key, direction: 1 }));
  keys.push({ field: '_id', direction: 1 });
  return (a, b) => {
    for (const { field, direction } of keys) {
      const x = a[field] as number | string;
      const y = b[field] as number | string;
      if (x !== y) return x < y ? -direction : direction;
    }
    return 0;
  };
}
