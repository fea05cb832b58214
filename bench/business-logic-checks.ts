import { isDeepStrictEqual } from 'node:util';
import { DETAIL, MASTER, TOTAL_FIELD, expectedFormulas, randomAmount, type Line } from './business-logic-objects.js';

type Json = Record<string, any>;

/** The platform under test: its address and the headers every request carries (its API token). */
export interface Target {
  url: string;
  headers: Record<string, string>;
}

/** One request to the platform under test; throws unless it answers `expect`. */
export async function call(base: Target, method: string, path: string, body?: unknown, expect = method === 'POST' ? 201 : 200): Promise<Json> {
  const response = await fetch(`${base.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...base.headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as Json;
  if (response.status !== expect) throw new Error(`${method} ${path} answered ${response.status}, not ${expect}: ${JSON.stringify(answer)}`);
  return answer;
}

const records = (object: string, id = '') => `/api/v1/records/${object}${id ? `/${id}` : ''}`;
const cents = (value: number) => Math.round(value * 100);
const TOTAL = TOTAL_FIELD.name;

/**
 * Before measuring: a create computes the five formulas and moves the master's total in the same
 * write, an update recomputes both, and a broken rule is refused with 422 and writes nothing.
 */
export async function checkLogic(base: Target, masterId: string, line: Line, random: () => number): Promise<string[]> {
  const problems: string[] = [];
  const master = await call(base, 'GET', records(MASTER, masterId));
  const created = await call(base, 'POST', records(DETAIL), line);
  const pick = (record: Json, names: string[]) => Object.fromEntries(names.map((name) => [name, record[name]]));
  const formulas = (record: Json, of: Line) => {
    const expected = expectedFormulas(of, master.region as string);
    const got = pick(record, Object.keys(expected));
    if (!isDeepStrictEqual(got, expected)) problems.push(`formulas: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  };
  const total = async (expected: number, after: string) => {
    const now = (await call(base, 'GET', records(MASTER, masterId)))[TOTAL] as number;
    if (cents(now) !== cents(expected)) problems.push(`roll-up after ${after}: expected ${expected}, got ${now}`);
  };
  formulas(created, line);
  await total(master[TOTAL] + line.amount, 'a create');

  const amount = randomAmount(random);
  const updated = await call(base, 'PATCH', records(DETAIL, created._id), { amount });
  formulas(updated, { ...line, amount });
  await total(master[TOTAL] + amount, 'an update');

  const refused = await call(base, 'POST', records(DETAIL), { ...line, discount: 30, approved: false }, 422);
  if (refused.error?.details?.[0]?.path !== '/discount') problems.push(`rule: expected a refusal on /discount, got ${JSON.stringify(refused)}`);
  await total(master[TOTAL] + amount, 'a refused create');
  return problems;
}

export interface RollupCheck {
  masters: number;
  details: number;
  /** One line per master whose total is not the sum of its lines' amounts. */
  mismatches: string[];
}

/** After measuring: every master's total against the sum of its lines, read page by page through the related list. */
export async function checkRollups(base: Target, masterIds: readonly string[]): Promise<RollupCheck> {
  const result: RollupCheck = { masters: 0, details: 0, mismatches: [] };
  for (const id of masterIds) {
    const master = await call(base, 'GET', records(MASTER, id));
    let sum = 0;
    let count = 0;
    let total: number | undefined;
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = await call(base, 'GET', `${records(MASTER, id)}/related/${DETAIL}?limit=200&fields=amount&total=true${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const line of page.records as Json[]) sum += cents((line.amount as number | undefined) ?? 0);
      count += (page.records as Json[]).length;
      total ??= page.total as number;
      cursor = page.next as string | null;
    }
    result.masters++;
    result.details += count;
    if (cents(master[TOTAL]) !== sum || count !== total) {
      result.mismatches.push(`${MASTER} ${id}: ${TOTAL} ${master[TOTAL]}, its ${count} lines (related total ${total}) sum to ${sum / 100}`);
    }
  }
  return result;
}
