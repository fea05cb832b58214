import {
  MongoServerError,
  WriteConcern,
  type ClientSession,
  type Collection as DriverCollection,
  type Db,
  type Document,
  type IndexDescription,
  type MongoClient,
  type TransactionOptions,
} from 'mongodb';
import type { Collection, Collections, Doc, IndexSpec, SortSpec, Store } from '../port.js';
import type { BlobStore } from '../blob-port.js';
import { GridFsBlobs } from './grid-fs-blobs.js';
import { MongoCollection, toDuplicateKeyError } from './mongo-collection.js';

/** MongoDB's own index on _id: every collection has it, and it is never the engine's to change. */
const ID_INDEX = '_id_';
const NAMESPACE_NOT_FOUND = 26;

/**
 * Snapshot reads with majority commits: a unit sees one consistent state of everything committed
 * before it, and what it commits cannot be rolled back by a failover.
 */
const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: new WriteConcern('majority'),
  readPreference: 'primary',
};

/** The store of one tenant: one MongoDB database, its collections mapped one to one. */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly tenant: string;
  readonly #client: MongoClient;
  readonly #db: Db;
  readonly #transactions: boolean;
  readonly blobs: BlobStore;

  constructor(client: MongoClient, databaseName: string, tenant: string, transactions: boolean) {
    this.tenant = tenant;
    this.#client = client;
    this.#db = client.db(databaseName);
    this.#transactions = transactions;
    this.blobs = new GridFsBlobs(this.#db);
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    return new MongoCollection<T>(this.#db.collection<Doc>(name));
  }

  /**
   * The driver runs `work` again when the transaction hits a transient error (a write conflict, a
   * failover), so `work` must do nothing outside `tx` that cannot be repeated. Its operations must
   * also run one after another: a session carries one operation at a time. A write error inside
   * `work` (a duplicate key) aborts the transaction on the server, so it cannot be caught and
   * carried on from: it ends the unit.
   */
  unitOfWork<R>(work: (tx: Collections) => Promise<R>): Promise<R> {
    if (!this.#transactions) {
      // A standalone mongod has no transactions (they need a replica set's oplog): each write of
      // `work` lands on its own, so a failure halfway keeps the writes before it. A single-node
      // replica set (`mongod --replSet`) gives all-or-nothing units on one machine.
      return work({ collection: <T extends Doc = Doc>(name: string) => this.collection<T>(name) });
    }
    return this.#client.withSession((session) =>
      session.withTransaction(() => work(this.#inSession(session)), TRANSACTION_OPTIONS),
    );
  }

  /**
   * Makes the collection's indexes exactly `indexes`: missing ones are created, ones that changed
   * or that are no longer wanted are dropped (every index but _id_ is the engine's).
   */
  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    const driver = this.#db.collection(collection);
    const wanted = new Map(indexes.map((spec) => [spec.name, toDescription(spec)]));
    for (const existing of await existingIndexes(driver)) {
      const name = String(existing['name']);
      const description = wanted.get(name);
      if (description !== undefined && sameIndex(existing, description)) wanted.delete(name);
      // A changed index keeps its name, and MongoDB refuses to redefine an index in place.
      else await driver.dropIndex(name);
    }
    try {
      if (wanted.size > 0) await driver.createIndexes([...wanted.values()]);
    } catch (error) {
      throw toDuplicateKeyError(collection, error) ?? error;
    }
  }

  async listIndexes(collection: string): Promise<IndexSpec[]> {
    const existing = await existingIndexes(this.#db.collection(collection));
    return existing.map((index) => {
      const spec: IndexSpec = { name: String(index['name']), keys: toSortSpec(index['key']) };
      if (index['unique'] === true) spec.unique = true;
      return spec;
    });
  }

  async dropCollection(collection: string): Promise<void> {
    // The driver already answers false instead of throwing when the namespace does not exist.
    await this.#db.dropCollection(collection);
  }

  async listCollections(): Promise<string[]> {
    const infos = await this.#db.listCollections({}, { nameOnly: true }).toArray();
    // system.* collections (views, profile) belong to the server, not to the tenant.
    return infos.map((info) => info.name).filter((name) => !name.startsWith('system.'));
  }

  /** The client is shared by every tenant: the provider closes it. */
  async close(): Promise<void> {}

  #inSession(session: ClientSession): Collections {
    return {
      collection: <T extends Doc = Doc>(name: string): Collection<T> =>
        new MongoCollection<T>(this.#db.collection<Doc>(name), session),
    };
  }
}

/**
 * Unique indexes cover only documents that have every key: the engine unsets empty fields rather
 * than storing null, and without the filter all records lacking the field would collide on null.
 */
function toDescription(spec: IndexSpec): IndexDescription {
  const description: IndexDescription = { name: spec.name, key: { ...spec.keys } };
  if (spec.unique) {
    description.unique = true;
    description.partialFilterExpression = Object.fromEntries(
      Object.keys(spec.keys).map((key) => [key, { $exists: true }]),
    );
  }
  return description;
}

/** The collection's indexes as listIndexes reports them, without _id_; none if it does not exist. */
async function existingIndexes(driver: DriverCollection<Document>): Promise<Document[]> {
  try {
    const indexes = await driver.listIndexes().toArray();
    return indexes.filter((index) => index['name'] !== ID_INDEX);
  } catch (error) {
    if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return [];
    throw error;
  }
}

/** Key order matters (a compound index on a, b is not one on b, a), so keys compare as entries. */
function sameIndex(existing: Document, wanted: IndexDescription): boolean {
  const shape = (key: unknown, unique: unknown, partial: unknown): string =>
    JSON.stringify([Object.entries(isRecord(key) ? key : {}), unique === true, partial ?? null]);
  return (
    shape(existing['key'], existing['unique'], existing['partialFilterExpression']) ===
    shape(wanted.key, wanted.unique, wanted.partialFilterExpression)
  );
}

function toSortSpec(key: unknown): SortSpec {
  const spec: SortSpec = {};
  if (!isRecord(key)) return spec;
  for (const [field, direction] of Object.entries(key)) spec[field] = Number(direction) < 0 ? -1 : 1;
  return spec;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
