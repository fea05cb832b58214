/**
 * A small typed client for the records API, for consultants' scripts and integrations. It has no
 * dependencies (global fetch only), so it can be copied beside the types `npm run typegen` writes:
 *
 *   import { createClient } from './client.js';
 *   import type { CrmObjects } from './generated/crm-types.js';
 *   const crm = createClient<CrmObjects>({ baseUrl: 'http://localhost:3000' });
 *   const page = await crm.records('opportunity').list({ filter: { amount: { gte: 10000 } }, sort: ['-amount'] });
 */

/** The three shapes of one object: a record as read, what a create accepts, what a PATCH accepts. */
export interface ObjectType {
  read: object;
  create: object;
  update: object;
}

/** Every object of a tenant by API name; the generated `CrmObjects` is one. */
export type ObjectTypes = Record<string, ObjectType>;

/**
 * What `createClient` accepts: `ObjectTypes`, or any interface whose members are object types. An
 * interface has no index signature, so it is checked member by member rather than against the Record.
 */
export type ObjectTypesOf<Schema> = { [K in keyof Schema]: ObjectType };

/** A record of a client without generated types: any fields beside the system ones. */
export interface UntypedRecord {
  _id: string;
  _version: number;
  [field: string]: unknown;
}

/** What `createClient()` is typed by when no object types are given. */
export type UntypedObjects = Record<string, { read: UntypedRecord; create: Record<string, unknown>; update: Record<string, unknown> }>;

/** A field name of a record type. */
export type FieldName<R> = keyof R & string;

type Element<V> = V extends readonly (infer E)[] ? E : never;

/** Operators on a value that compares by equality only (lookups, multi-select picklists' elements). */
export interface EqualityOperators<V> {
  eq?: V | null;
  ne?: V | null;
  in?: readonly V[];
  nin?: readonly V[];
  isNull?: boolean;
}

/** Numbers and dates also order. */
export interface ComparisonOperators<V> extends EqualityOperators<V> {
  gt?: V;
  gte?: V;
  lt?: V;
  lte?: V;
}

/** Text also matches by part, ignoring case. */
export interface TextOperators<V> extends ComparisonOperators<V> {
  contains?: string;
  startsWith?: string;
}

/**
 * The condition on one field, by the field's value type. A value of unknown type (a client without
 * generated types) takes any condition: the server checks it.
 */
export type Condition<T> = unknown extends T ? unknown : ConditionOn<NonNullable<T>>;

/**
 * Wrapped in tuples so that a union such as a picklist's `'low' | 'high'` is taken whole, not
 * operator object by operator object.
 */
type ConditionOn<V> = [V] extends [readonly unknown[]]
  ? Element<V> | null | EqualityOperators<Element<V>>
  : [V] extends [boolean]
    ? V | null | Pick<EqualityOperators<V>, 'eq' | 'ne' | 'isNull'>
    : [V] extends [number]
      ? V | null | ComparisonOperators<V>
      : [V] extends [string]
        ? V | null | TextOperators<V>
        : { isNull?: boolean };

/**
 * The filter language (docs/api.md) typed by a record: per field a bare value (equality) or an object
 * of operators, all of which must hold; `and` and `or` take lists of filters and nest.
 */
export type Filter<R> = { [K in keyof R]?: Condition<R[K]> } & {
  and?: readonly Filter<R>[];
  or?: readonly Filter<R>[];
};

/** Fields that can be sorted by: multi-select picklists and JSON cannot. */
export type SortableField<R> = {
  [K in FieldName<R>]-?: unknown extends R[K] ? K : [NonNullable<R[K]>] extends [string | number | boolean] ? K : never;
}[FieldName<R>];

/** A sort key: a field name, `-` before it for descending order. */
export type SortKey<R> = SortableField<R> | `-${SortableField<R>}`;

/** The record with only the selected fields (the id and version always come). */
export type Selected<R, F extends keyof R> = [FieldName<R>] extends [F] ? R : Pick<R, F | Extract<'_id' | '_version', keyof R>>;

export interface ListQuery<R, F extends FieldName<R> = FieldName<R>> {
  filter?: Filter<R>;
  /** One key or several, in order of precedence: `['-amount', 'title']`. */
  sort?: SortKey<R> | readonly SortKey<R>[];
  /** Return only these fields (with `_id` and `_version`). */
  fields?: readonly F[];
  /** Records per page, 1 to 200 (the server's default is 50). */
  limit?: number;
  /** The `next` of the previous page; send the same filter and sort with it. */
  cursor?: string;
  /** Also count every match (a second pass on the server). */
  total?: boolean;
}

export interface Page<R> {
  records: R[];
  /** The cursor of the next page; null on the last page. */
  next: string | null;
  /** Every match, when asked for with `total: true`; null otherwise. */
  total: number | null;
}

/** The version a change is based on: the record's `_version`, or an ETag the API sent. */
export interface Precondition {
  ifMatch?: number | string;
}

export interface RecordsApi<T extends ObjectType> {
  /** One page of records in a stable order; follow `next` (or use listAll) for the following pages. */
  list<F extends FieldName<T['read']> = FieldName<T['read']>>(query?: ListQuery<T['read'], F>): Promise<Page<Selected<T['read'], F>>>;
  /** Every page of a query, one after another, following the cursors. */
  listAll<F extends FieldName<T['read']> = FieldName<T['read']>>(
    query?: Omit<ListQuery<T['read'], F>, 'cursor'>,
  ): AsyncGenerator<Page<Selected<T['read'], F>>, void, undefined>;
  get<F extends FieldName<T['read']> = FieldName<T['read']>>(id: string, options?: { fields?: readonly F[] }): Promise<Selected<T['read'], F>>;
  /** Defaults fill what is left out; the response is the record as stored (201). */
  create(data: T['create']): Promise<T['read']>;
  /** Only the sent fields change; null clears one. With ifMatch, a stale version is an ApiError with status 412. */
  update(id: string, patch: T['update'], options?: Precondition): Promise<T['read']>;
  delete(id: string, options?: Precondition): Promise<void>;
}

export interface CrmClient<Schema extends ObjectTypesOf<Schema>> {
  records<K extends keyof Schema & string>(name: K): RecordsApi<Schema[K]>;
}

export interface ClientOptions {
  /** Where the engine listens, e.g. `http://localhost:3000` (a path prefix is kept). */
  baseUrl: string;
  /** Sent with every request, e.g. an Authorization header. */
  headers?: Record<string, string>;
  /** Another fetch (a proxy agent, a test double); the global one by default. */
  fetch?: typeof fetch;
}

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A response the API refused, with the fields of its error body (docs/api.md). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
  }
}

const RECORDS_PATH = '/api/v1/records';

type Query = Record<string, string | undefined>;

/** A list query as sent: the types above are for callers, the wire takes strings. */
interface WireListQuery {
  filter?: unknown;
  sort?: string | readonly string[];
  fields?: readonly string[];
  limit?: number;
  cursor?: string;
  total?: boolean;
}

/** The error of a refused response: the API's own error body, or the status when something else answered. */
async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      const details = Array.isArray(error.details) ? (error.details as ApiErrorDetail[]) : [];
      return new ApiError(response.status, error.code, error.message, details);
    }
  } catch {
    // Not JSON: a proxy or a gateway answered. The status says what happened.
  }
  const snippet = text.trim().slice(0, 200);
  return new ApiError(response.status, 'http_error', `HTTP ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`);
}

function ifMatchHeader(options: Precondition | undefined): Record<string, string> {
  const version = options?.ifMatch;
  if (version === undefined) return {};
  return { 'if-match': typeof version === 'number' ? `"${version}"` : version };
}

function listParameters(query: WireListQuery): Query {
  const sort = query.sort === undefined ? undefined : typeof query.sort === 'string' ? query.sort : query.sort.join(',');
  return {
    filter: query.filter === undefined ? undefined : JSON.stringify(query.filter),
    sort,
    fields: query.fields?.join(','),
    limit: query.limit === undefined ? undefined : String(query.limit),
    cursor: query.cursor,
    total: query.total ? 'true' : undefined,
  };
}

/** A client for the records API of one engine, typed by the objects of its tenant. */
export function createClient<Schema extends ObjectTypesOf<Schema> = UntypedObjects>(options: ClientOptions): CrmClient<Schema> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;

  async function request(method: string, path: string, init: { query?: Query; body?: unknown; headers?: Record<string, string> } = {}): Promise<unknown> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(init.query ?? {})) if (value !== undefined) search.set(name, value);
    const queryString = search.toString();
    const url = `${base}${path}${queryString ? `?${queryString}` : ''}`;
    const response = await fetchImpl(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204) return undefined;
    return response.json();
  }

  function recordsApi(name: string): RecordsApi<ObjectType> {
    const collection = `${RECORDS_PATH}/${encodeURIComponent(name)}`;
    const one = (id: string) => `${collection}/${encodeURIComponent(id)}`;
    const list = async (query: WireListQuery = {}) =>
      (await request('GET', collection, { query: listParameters(query) })) as Page<object>;
    return {
      list,
      async *listAll(query: WireListQuery = {}) {
        let cursor: string | undefined;
        do {
          const page = await list({ ...query, ...(cursor === undefined ? {} : { cursor }) });
          yield page;
          cursor = page.next ?? undefined;
        } while (cursor !== undefined);
      },
      get: async (id: string, options: { fields?: readonly string[] } = {}) =>
        (await request('GET', one(id), { query: { fields: options.fields?.join(',') } })) as object,
      create: async (data) => (await request('POST', collection, { body: data })) as object,
      update: async (id, patch, options) => (await request('PATCH', one(id), { body: patch, headers: ifMatchHeader(options) })) as object,
      delete: async (id, options) => {
        await request('DELETE', one(id), { headers: ifMatchHeader(options) });
      },
    } as RecordsApi<ObjectType>;
  }

  return {
    records<K extends keyof Schema & string>(name: K) {
      return recordsApi(name) as unknown as RecordsApi<Schema[K]>;
    },
  };
}
