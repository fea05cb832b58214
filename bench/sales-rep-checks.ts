import type { StoredRecord } from '../engine/records/index.js';
import { HIDDEN_FROM_REPS } from './sales-org.js';
import { OBJECT_NAME } from './seed.js';

type Json = Record<string, any>;

/** The platform and the headers of one of its users (an API token). */
export interface Caller {
  url: string;
  headers: Record<string, string>;
}

export interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

export async function send(caller: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${caller.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...caller.headers, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {}, headers: response.headers };
}

/** Gives the user a password as the administrator, signs them in as a browser would and issues them an API token. */
export async function tokenFor(admin: Caller, user: { id: string; email: string }, password: string): Promise<string> {
  const set = await send(admin, 'POST', `/api/v1/auth/users/${user.id}/password`, { password });
  if (set.status !== 204) throw new Error(`setting ${user.email}'s password answered ${set.status}: ${JSON.stringify(set.body)}`);
  const login = await send({ url: admin.url, headers: {} }, 'POST', '/api/v1/auth/login', { email: user.email, password });
  const cookie = login.headers.getSetCookie().find((header) => header.startsWith('crm_session='))?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`signing in as ${user.email} answered ${login.status}: ${JSON.stringify(login.body)}`);
  const issued = await send({ url: admin.url, headers: { cookie, 'x-csrf-token': login.body.csrfToken } }, 'POST', '/api/v1/auth/tokens', { name: 'bench' });
  if (issued.status !== 201) throw new Error(`issuing ${user.email} a token answered ${issued.status}: ${JSON.stringify(issued.body)}`);
  return issued.body.token as string;
}

export interface AccessCheck {
  /** What did not hold; empty when everything did. */
  problems: string[];
  /** The rep's `total` for the measured list query, and the bench's own count from the seed. */
  repListTotal: number | null;
  expectedRepListTotal: number;
  /** The rep's `total` without a filter, and the bench's count of the deals the rep may read. */
  repTotal: number | null;
  expectedRepTotal: number;
  /** The administrator's `total` for the measured list query, and the seed's count. */
  adminListTotal: number | null;
  expectedAdminListTotal: number;
  /** How many ids the rep may not read were asked for, and how many answered 404. */
  hiddenAsked: number;
  hiddenNotFound: number;
}

const path = (id = '') => `/api/v1/records/${OBJECT_NAME}${id ? `/${id}` : ''}`;

/**
 * The rep's answers against the bench's own reckoning from the seed: counts with `total=true`
 * for the measured list and for everything, the page itself (ids and order), 404 for records the
 * rep may not read (which the administrator reads), no hidden field in any answer, and a filter
 * on a hidden field refused.
 */
export async function checkRepAccess(
  admin: Caller,
  rep: Caller,
  records: readonly StoredRecord[],
  visible: (deal: StoredRecord) => boolean,
  list: { query: string; matches: (deal: StoredRecord) => boolean },
): Promise<AccessCheck> {
  const problems: string[] = [];
  const seen = records.filter(visible);
  const expectedPage = seen
    .filter(list.matches)
    .sort((a, b) => (b.amount as number) - (a.amount as number) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    .slice(0, 50)
    .map((deal) => deal._id);
  const hiddenFieldsIn = (record: Json) => HIDDEN_FROM_REPS.filter((field) => field in record);

  const repList = await send(rep, 'GET', `${path()}?${list.query}&total=true`);
  if (repList.status !== 200) problems.push(`the rep's list answered ${repList.status}: ${JSON.stringify(repList.body)}`);
  const page = (repList.body.records ?? []) as Json[];
  const pageIds = page.map((record) => record._id as string);
  if (JSON.stringify(pageIds) !== JSON.stringify(expectedPage)) {
    const foreign = pageIds.filter((id) => !expectedPage.includes(id));
    problems.push(`the rep's list page differs from the seed's top ${expectedPage.length} of the deals the rep may read (${foreign.length} ids not expected, e.g. ${foreign.slice(0, 3).join(', ')})`);
  }
  const leaked = page.filter((record) => hiddenFieldsIn(record).length > 0);
  if (leaked.length > 0) problems.push(`${leaked.length} records of the rep's list page carry a hidden field (${HIDDEN_FROM_REPS.join(', ')})`);

  const repAll = await send(rep, 'GET', `${path()}?limit=1&total=true`);
  const adminList = await send(admin, 'GET', `${path()}?${list.query}&total=true`);
  const check: AccessCheck = {
    problems,
    repListTotal: repList.body.total ?? null,
    expectedRepListTotal: seen.filter(list.matches).length,
    repTotal: repAll.body.total ?? null,
    expectedRepTotal: seen.length,
    adminListTotal: adminList.body.total ?? null,
    expectedAdminListTotal: records.filter(list.matches).length,
    hiddenAsked: 0,
    hiddenNotFound: 0,
  };
  if (check.repListTotal !== check.expectedRepListTotal) problems.push(`the rep's list total is ${check.repListTotal}, the seed says ${check.expectedRepListTotal}`);
  if (check.repTotal !== check.expectedRepTotal) problems.push(`the rep's total without a filter is ${check.repTotal}, the seed says ${check.expectedRepTotal}`);
  if (check.adminListTotal !== check.expectedAdminListTotal) problems.push(`the administrator's list total is ${check.adminListTotal}, the seed says ${check.expectedAdminListTotal}`);

  // A few records each way, spread over the collection.
  const spread = <T>(list: readonly T[], count: number) => Array.from({ length: Math.min(count, list.length) }, (_, i) => list[Math.floor((i * list.length) / count)]!);
  for (const deal of spread(seen, 5)) {
    const answer = await send(rep, 'GET', path(deal._id));
    if (answer.status !== 200) problems.push(`the rep's GET of ${deal._id}, which the rep may read, answered ${answer.status}`);
    else if (hiddenFieldsIn(answer.body).length > 0) problems.push(`the rep's GET of ${deal._id} carries a hidden field`);
  }
  for (const deal of spread(records.filter((record) => !visible(record)), 5)) {
    check.hiddenAsked++;
    const [asRep, asAdmin] = await Promise.all([send(rep, 'GET', path(deal._id)), send(admin, 'GET', path(deal._id))]);
    if (asRep.status === 404) check.hiddenNotFound++;
    else problems.push(`the rep's GET of ${deal._id}, which the rep may not read, answered ${asRep.status}, not 404`);
    if (asAdmin.status !== 200) problems.push(`the administrator's GET of ${deal._id} answered ${asAdmin.status}`);
  }
  const byHidden = await send(rep, 'GET', `${path()}?filter=${encodeURIComponent(JSON.stringify({ [HIDDEN_FROM_REPS[0]]: { gte: 0 } }))}`);
  if (byHidden.status !== 400) problems.push(`the rep's filter on the hidden field '${HIDDEN_FROM_REPS[0]}' answered ${byHidden.status}, not 400`);
  return check;
}
