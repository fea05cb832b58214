import type { TenantKeys } from '../../crypto/index.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Collection, Collections, Doc, Filter, FindOneAndUpdateOptions, FindOptions, Pipeline, Store, Update, UpdateResult } from '../../store/port.js';
import { openDeep, openDocument, sealDocument, sealUpdate } from './seal-documents.js';
import { sealFilter, sealPipeline } from './seal-filter.js';
import { sealedPlace, type SealedPlace } from './sealed-places.js';

/**
 * The tenant's store as the engine uses it: what goes in is sealed where sealed-places.ts says, what
 * comes out is opened, and equality filters on deterministic fields compare with the sealed forms.
 * Above it every part of the engine reads and writes values in clear, so every path that copies a
 * record's values (its history, the audit log, messages, backfills, imports, bulk writes) is
 * covered without each of them knowing about encryption; below it, the files of the embedded
 * store, MongoDB's collections and every backup hold only ciphertext.
 *
 * Which fields are encrypted is read from the current snapshot at each call, so a metadata change
 * applies to the next write; the records written before it are moved by a backfill (flag-backfill.ts).
 * Opening a value is not reading access: who may see a field is decided above, by field security,
 * before anything leaves the engine.
 */
export function encryptingStore(store: Store, keys: TenantKeys, snapshot: () => Snapshot | undefined, definitionCollections: ReadonlySet<string>): Store {
  const collections = (target: Collections): Collections => ({
    collection<T extends Doc = Doc>(name: string): Collection<T> {
      const inner = target.collection<T>(name);
      const place = sealedPlace(snapshot(), name, definitionCollections);
      return place ? new SealingCollection(inner, keys, place) : inner;
    },
  });
  const outer = collections(store);
  const unitOfWork = <R>(work: (tx: Collections) => Promise<R>) => store.unitOfWork((tx) => work(collections(tx)));
  // What is assigned to the sealing store (a test slowing its units of work down) stays on it, above the store's own.
  const assigned = new Map<PropertyKey, unknown>();
  // Bound once: the store's methods are read on every request.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      if (assigned.has(property)) return assigned.get(property);
      if (property === UNSEALED) return target;
      if (property === 'collection') return outer.collection;
      if (property === 'unitOfWork') return unitOfWork;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let method = bound.get(property);
      if (method === undefined || (method as { original?: unknown }).original !== value) {
        method = Object.assign(value.bind(target) as object, { original: value });
        bound.set(property, method);
      }
      return method;
    },
    set(_target, property, value) {
      assigned.set(property, value);
      return true;
    },
    deleteProperty(_target, property) {
      assigned.delete(property);
      return true;
    },
  });
}

const UNSEALED = Symbol('the store under the sealing one');

/**
 * The store as it is on disk, sealed values as they are stored: for what works on the ciphertext
 * itself (a key rotation moving values to the new key, tests looking at what is stored).
 */
export function unsealedStore(store: Store): Store {
  return (store as Store & { [UNSEALED]?: Store })[UNSEALED] ?? store;
}

/**
 * A collection whose documents are sealed on the way in and opened on the way out. A class rather
 * than an object of closures: the engine asks for collections many times a request, and making a
 * dozen named functions each time cost a record update about 20 µs.
 */
class SealingCollection<T extends Doc> implements Collection<T> {
  private readonly fields: ReadonlyMap<string, unknown> | undefined;

  constructor(
    private readonly inner: Collection<T>,
    private readonly keys: TenantKeys,
    private readonly place: SealedPlace,
  ) {
    const fields = place.kind === 'records' ? place.fields : undefined;
    this.fields = fields && fields.size > 0 ? fields : undefined;
  }

  get name(): string {
    return this.inner.name;
  }

  private filter(given: Filter): Filter {
    return this.fields && this.place.kind === 'records' ? sealFilter(this.keys, this.place.fields, given) : given;
  }

  private seal(doc: T): T {
    return sealDocument(this.keys, this.place, doc);
  }

  private open<D>(doc: D): D {
    return doc === null ? doc : openDocument(this.keys, this.place, doc);
  }

  insertOne(doc: T): Promise<void> {
    return this.inner.insertOne(this.seal(doc));
  }

  insertMany(docs: T[]): Promise<void> {
    return this.inner.insertMany(docs.map((doc) => this.seal(doc)));
  }

  async findOne(given: Filter, options?: Omit<FindOptions, 'limit' | 'skip'>): Promise<T | null> {
    return this.open(await this.inner.findOne(this.filter(given), options));
  }

  async find(given: Filter, options?: FindOptions): Promise<T[]> {
    return (await this.inner.find(this.filter(given), options)).map((doc) => this.open(doc));
  }

  count(given: Filter): Promise<number> {
    return this.inner.count(this.filter(given));
  }

  async findOneAndUpdate(given: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null> {
    return this.open(await this.inner.findOneAndUpdate(this.filter(given), sealUpdate(this.keys, this.place, update), options));
  }

  updateOne(given: Filter, update: Update): Promise<UpdateResult> {
    return this.inner.updateOne(this.filter(given), sealUpdate(this.keys, this.place, update));
  }

  updateMany(given: Filter, update: Update): Promise<UpdateResult> {
    return this.inner.updateMany(this.filter(given), sealUpdate(this.keys, this.place, update));
  }

  replaceOne(given: Filter, doc: T): Promise<UpdateResult> {
    return this.inner.replaceOne(this.filter(given), this.seal(doc));
  }

  deleteOne(given: Filter): Promise<number> {
    return this.inner.deleteOne(this.filter(given));
  }

  deleteMany(given: Filter): Promise<number> {
    return this.inner.deleteMany(this.filter(given));
  }

  async aggregate<R>(pipeline: Pipeline): Promise<R[]> {
    const sealed = this.fields && this.place.kind === 'records' ? sealPipeline(this.keys, this.place.fields, pipeline) : pipeline;
    return (await this.inner.aggregate<R>(sealed)).map((row) => openDeep(this.keys, row) as R);
  }
}
