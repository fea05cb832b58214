import {
  MongoServerError,
  type ClientSession,
  type Collection as DriverCollection,
  type Document,
  type Filter as DriverFilter,
  type UpdateFilter,
} from 'mongodb';
import { InternalError } from '../../errors/index.js';
import { DuplicateKeyError } from '../duplicate-key-error.js';
import { newId } from '../new-id.js';
import { isPlainObject } from '../plain-object.js';
import { timedStoreOperation } from '../../observability/index.js';
import type {
  Collection,
  Doc,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  Pipeline,
  Update,
  UpdateResult,
} from '../port.js';

const DUPLICATE_KEY = 11000;
const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc']);

/**
 * One collection of a tenant's database, seen outside a unit of work (no session) or inside one
 * (every operation carries the transaction's session, or it would run outside the transaction).
 */
export class MongoCollection<T extends Doc = Doc> implements Collection<T> {
  readonly name: string;
  readonly #driver: DriverCollection<Doc>;
  readonly #session: ClientSession | undefined;

  constructor(driver: DriverCollection<Doc>, session?: ClientSession) {
    this.name = driver.collectionName;
    this.#driver = driver;
    this.#session = session;
  }

  async insertOne(doc: T): Promise<void> {
    await this.#write(() => this.#driver.insertOne(doc, { session: this.#session }));
  }

  async insertMany(docs: T[]): Promise<void> {
    // The driver refuses an empty batch; for the port, inserting nothing is simply done.
    if (docs.length === 0) return;
    await this.#write(() => this.#driver.insertMany(docs, { session: this.#session }));
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit' | 'skip'> = {}): Promise<T | null> {
    const found = await timedStoreOperation('mongodb', 'findOne', () => this.#driver.findOne(toFilter(filter), {
      session: this.#session,
      sort: options.sort,
      projection: options.projection,
    }));
    return found === null ? null : asDoc<T>(found);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const found = await timedStoreOperation('mongodb', 'find', () => this.#driver
      .find(toFilter(filter), {
        session: this.#session,
        sort: options.sort,
        skip: options.skip,
        limit: options.limit,
        projection: options.projection,
      })
      .toArray());
    return found.map((doc) => asDoc<T>(doc));
  }

  count(filter: Filter): Promise<number> {
    return timedStoreOperation('mongodb', 'count', () => this.#driver.countDocuments(toFilter(filter), { session: this.#session }));
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const operators = toUpdate(update);
    if (operators === null) {
      const found = await this.findOne(filter);
      // An upsert must still insert when nothing matches; an empty $set is the closest update
      // (accepted by MongoDB 5.0 and later).
      if (found !== null || !options.upsert) return found;
    }
    // An upsert without an _id in the filter would get an ObjectId from the server; the engine's
    // ids are strings in both adapters, so the inserted document gets one of ours.
    const withId = options.upsert && typeof filter._id !== 'string' ? { ...(operators ?? {}), $setOnInsert: { _id: newId() } } : operators;
    const updated = await this.#write(() =>
      this.#driver.findOneAndUpdate(toFilter(filter), withId ?? { $set: {} }, {
        session: this.#session,
        upsert: options.upsert ?? false,
        returnDocument: 'after',
        includeResultMetadata: false,
      }),
    );
    return updated === null ? null : asDoc<T>(updated);
  }

  async updateOne(filter: Filter, update: Update): Promise<UpdateResult> {
    const operators = toUpdate(update);
    if (operators === null) return { matched: await this.#countMatches(filter, 1), modified: 0 };
    const result = await this.#write(() =>
      this.#driver.updateOne(toFilter(filter), operators, { session: this.#session }),
    );
    return { matched: result.matchedCount, modified: result.modifiedCount };
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const operators = toUpdate(update);
    if (operators === null) return { matched: await this.#countMatches(filter), modified: 0 };
    const result = await this.#write(() =>
      this.#driver.updateMany(toFilter(filter), operators, { session: this.#session }),
    );
    return { matched: result.matchedCount, modified: result.modifiedCount };
  }

  async replaceOne(filter: Filter, doc: T): Promise<UpdateResult> {
    // _id is immutable in MongoDB: a replacement naming another _id than the match is refused, so
    // it is left out and the matched document keeps its own.
    const { _id: _ignored, ...replacement } = doc;
    const result = await this.#write(() =>
      this.#driver.replaceOne(toFilter(filter), replacement, { session: this.#session }),
    );
    return { matched: result.matchedCount, modified: result.modifiedCount };
  }

  async deleteOne(filter: Filter): Promise<number> {
    const result = await this.#driver.deleteOne(toFilter(filter), { session: this.#session });
    return result.deletedCount;
  }

  async deleteMany(filter: Filter): Promise<number> {
    const result = await this.#driver.deleteMany(toFilter(filter), { session: this.#session });
    return result.deletedCount;
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    const rows = await timedStoreOperation('mongodb', 'aggregate', () => this.#write(() =>
      // $merge and $out stages can break a unique index too.
      this.#driver.aggregate<Document>(pipeline, { session: this.#session }).toArray(),
    ));
    return rows as unknown as R[];
  }

  /** Empty updates never reach the server: before MongoDB 5.0 it refuses an empty operator. */
  #countMatches(filter: Filter, limit?: number): Promise<number> {
    return this.#driver.countDocuments(toFilter(filter), { session: this.#session, limit });
  }

  async #write<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw toDuplicateKeyError(this.name, error) ?? error;
    }
  }
}

/** The port's filters are MongoDB filters by contract; the driver's type only adds key checking. */
export function toFilter(filter: Filter): DriverFilter<Doc> {
  return filter as DriverFilter<Doc>;
}

/** The driver hands back exactly what was stored; the cast only restores the caller's own type. */
function asDoc<T extends Doc>(doc: Doc): T {
  return doc as unknown as T;
}

/**
 * Keeps the operators both adapters implement and drops empty ones; null when nothing is left.
 * Anything else is an engine bug, refused here rather than run on one adapter only.
 */
function toUpdate(update: Update): UpdateFilter<Doc> | null {
  const operators: Document = {};
  for (const [operator, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator)) {
      throw new InternalError(`The store supports only $set, $unset and $inc in updates, not ${operator}.`);
    }
    if (isPlainObject(fields) && Object.keys(fields).length > 0) operators[operator] = fields;
  }
  return Object.keys(operators).length > 0 ? operators : null;
}

/**
 * Single writes report keyPattern (and keyValue) on the error; bulk writes (insertMany) keep only
 * the server's message, "E11000 ... index: <name> dup key: { <field>: <value>, ... }".
 */
export function toDuplicateKeyError(collection: string, error: unknown): DuplicateKeyError | null {
  if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) return null;
  const message = error.message;
  const indexName = /index: (\S+)/.exec(message)?.[1] ?? 'unknown';
  const keyPattern: unknown = error['keyPattern'];
  const keyValue: unknown = error['keyValue'];
  const keys = isPlainObject(keyPattern)
    ? Object.keys(keyPattern)
    : isPlainObject(keyValue)
      ? Object.keys(keyValue)
      : keysOfDupKey(message);
  return new DuplicateKeyError(collection, indexName, keys);
}

/** Reads the field names of "dup key: { a: 1, b: "x, y: z" }", skipping over the values. */
function keysOfDupKey(message: string): string[] {
  const marker = 'dup key: {';
  const start = message.indexOf(marker);
  if (start < 0) return [];
  const keys: string[] = [];
  let key = '';
  let readingKey = true;
  let depth = 0;
  let quoted = false;
  for (let i = start + marker.length; i < message.length; i++) {
    const char = message[i]!;
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
    } else if (readingKey) {
      if (char === '}') break;
      if (char === ':') {
        keys.push(key.trim());
        key = '';
        readingKey = false;
      } else key += char;
    } else if (char === '"') quoted = true;
    else if ('{[('.includes(char)) depth++;
    else if ('}])'.includes(char)) {
      if (depth === 0) break;
      depth--;
    } else if (char === ',' && depth === 0) readingKey = true;
  }
  // Servers before 4.2 wrote the values without their field names ("{ : 1 }").
  return keys.filter((name) => name !== '');
}
