import type { BlobStore } from './blob-port.js';

/**
 * The storage port: the only way the engine speaks to storage. Filters, updates and pipelines use
 * MongoDB's syntax, restricted to the subset documented in docs/storage.md, so that the embedded
 * adapter (mingo) and the mongodb adapter (the official driver) answer every call alike.
 */

/** A stored document. Ids are strings chosen by the engine, identical in both adapters. */
export interface Doc {
  _id: string;
  [key: string]: unknown;
}

export type Filter = Record<string, unknown>;
/** Only the update operators both adapters implement: $set, $unset, $inc. */
export interface Update {
  $set?: Record<string, unknown>;
  $unset?: Record<string, '' | true | 1>;
  $inc?: Record<string, number>;
}
export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, 0 | 1>;
export type Pipeline = Record<string, unknown>[];

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

export interface IndexSpec {
  name: string;
  keys: SortSpec;
  unique?: boolean;
  /**
   * Only documents whose first key holds a value (not null, missing or an empty array) have
   * entries: an index for finding the few that do (shares, approvers, the recycle bin), which costs
   * nothing on the many that do not. It serves equalities with a value and ranges on its first key,
   * never null, nor a sort on its own (MongoDB's sparse indexes, as the planner uses them).
   */
  sparse?: boolean;
}

export interface UpdateResult {
  matched: number;
  modified: number;
}

export interface FindOneAndUpdateOptions {
  upsert?: boolean;
}

/** What a collection offers, inside or outside a unit of work. Documents returned are read only. */
export interface Collection<T extends Doc = Doc> {
  readonly name: string;
  insertOne(doc: T): Promise<void>;
  insertMany(docs: T[]): Promise<void>;
  findOne(filter: Filter, options?: Omit<FindOptions, 'limit' | 'skip'>): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Applies the update to the first match and returns the document after it, or null. */
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  updateOne(filter: Filter, update: Update): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /** Replaces the first match whole (keeping its _id); returns how many matched. */
  replaceOne(filter: Filter, doc: T): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]>;
}

/** How a store answers a find, in terms an admin can act on (docs/storage.md, "How a query is planned"). */
export interface QueryPlanSummary {
  /**
   * `ids`: reads by `_id`; `index`: the ranges of one index; `union`: one index per branch of an
   * `$or` (the record-access filter); `scan`: every document of the collection is a candidate.
   */
  access: 'ids' | 'index' | 'union' | 'scan';
  /** The indexes read, by name (`_id_` for the primary key). */
  indexes: string[];
  /** The order comes from walking an index, so that a page stops after its limit; false: the candidates are sorted. */
  sortedByIndex: boolean;
  /** Indexes of the collection still being built, which no query uses yet. */
  building: string[];
}

/** The collections visible to one unit of work: its own writes, and everything committed before it. */
export interface Collections {
  collection<T extends Doc = Doc>(name: string): Collection<T>;
}

export interface Store extends Collections {
  /** Which adapter: shown in /health and used by tests to label their runs. */
  readonly kind: 'embedded' | 'mongodb';
  readonly tenant: string;
  /** The tenant's files (attachments): outside units of work, each put durable on its own. */
  readonly blobs: BlobStore;
  /**
   * Runs `work` as one unit: every write inside it lands together or not at all, and no other
   * request sees any of them before the unit commits. A thrown error rolls everything back.
   */
  unitOfWork<R>(work: (tx: Collections) => Promise<R>): Promise<R>;
  ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void>;
  listIndexes(collection: string): Promise<IndexSpec[]>;
  /** How the store would find a query's documents, without running it (shown to admins for a slow list). */
  explain(collection: string, filter: Filter, options?: Pick<FindOptions, 'sort' | 'limit'>): Promise<QueryPlanSummary>;
  dropCollection(collection: string): Promise<void>;
  listCollections(): Promise<string[]>;
  /**
   * A number that changes whenever a write to the collection commits, so that a caller may keep
   * what it read until it does. Only a store that sees every write has it (the embedded store,
   * which holds its file alone); where other processes write too (MongoDB) it is absent.
   */
  changeCount?(collection: string): number;
  /**
   * After values were rewritten so that they are no longer stored in clear (encrypted), leaves no
   * former copy of them in the store's files: the embedded store moves its WAL into the database
   * (whose freed space SQLite overwrites) and empties it. MongoDB has none to offer (docs/operations.md, Keys).
   */
  dropFreedCopies?(): Promise<void>;
  close(): Promise<void>;
}

/** What a backup of one tenant's store wrote into its folder (see StoreProvider.backupTenant). */
export interface TenantFiles {
  /** The database file, relative to the folder. */
  database: string;
  databaseBytes: number;
  /** Hex SHA-256 of the database file, checked before a restore. */
  databaseSha256: string;
  /** How many blob files (attachments) were copied beside it, under blobs/. */
  blobs: number;
}

/** Opens the store of one tenant; every collection of a tenant is namespaced by it. */
export interface StoreProvider {
  readonly kind: Store['kind'];
  /**
   * Whether every unit of work is a transaction (all or nothing, isolated); absent means it is.
   * False only on a standalone mongod the operator allowed (MONGODB_ALLOW_STANDALONE).
   */
  readonly supportsTransactions?: boolean;
  open(tenant: string): Promise<Store>;
  /**
   * Copies a tenant's store as it stood at one moment (its collections, metadata and history
   * included) with the files it names into `dir`, while it goes on serving. Only where the engine
   * holds the files (the embedded store); MongoDB is backed up with its own tools (docs/operations.md).
   */
  backupTenant?(tenant: string, dir: string): Promise<TenantFiles>;
  /** Makes a tenant of what backupTenant wrote into `dir`; refused when the tenant has a store already. */
  restoreTenant?(tenant: string, dir: string, files: TenantFiles): Promise<void>;
  close(): Promise<void>;
}
