import type { TenantKeys } from '../../crypto/index.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Collection, Collections, Doc, Filter, Store } from '../../store/port.js';
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
      return place ? sealingCollection(inner, keys, place) : inner;
    },
  });
  const outer = collections(store);
  // What is set on the sealing store (a test slowing its units of work down) stays on it: set on the
  // store underneath, a wrapper that calls the one it replaced would call itself.
  const overrides = new Map<string | symbol, unknown>();
  return new Proxy(store, {
    set(_target, property, value) {
      overrides.set(property, value);
      return true;
    },
    deleteProperty(_target, property) {
      overrides.delete(property);
      return true;
    },
    get(target, property) {
      if (overrides.has(property)) return overrides.get(property);
      if (property === UNSEALED) return target;
      if (property === 'collection') return outer.collection;
      if (property === 'unitOfWork') return <R>(work: (tx: Collections) => Promise<R>) => target.unitOfWork((tx) => work(collections(tx)));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
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

function sealingCollection<T extends Doc>(inner: Collection<T>, keys: TenantKeys, place: SealedPlace): Collection<T> {
  const fields = place.kind === 'records' ? place.fields : undefined;
  const filter = (given: Filter): Filter => (fields && fields.size > 0 ? sealFilter(keys, fields, given) : given);
  const seal = (doc: T): T => sealDocument(keys, place, doc);
  const open = <D>(doc: D): D => (doc === null ? doc : openDocument(keys, place, doc));
  return {
    name: inner.name,
    insertOne: (doc) => inner.insertOne(seal(doc)),
    insertMany: (docs) => inner.insertMany(docs.map(seal)),
    findOne: async (given, options) => open(await inner.findOne(filter(given), options)),
    find: async (given, options) => (await inner.find(filter(given), options)).map(open),
    count: (given) => inner.count(filter(given)),
    findOneAndUpdate: async (given, update, options) => open(await inner.findOneAndUpdate(filter(given), sealUpdate(keys, place, update), options)),
    updateOne: (given, update) => inner.updateOne(filter(given), sealUpdate(keys, place, update)),
    updateMany: (given, update) => inner.updateMany(filter(given), sealUpdate(keys, place, update)),
    replaceOne: (given, doc) => inner.replaceOne(filter(given), seal(doc)),
    deleteOne: (given) => inner.deleteOne(filter(given)),
    deleteMany: (given) => inner.deleteMany(filter(given)),
    aggregate: async <R>(pipeline: Parameters<Collection['aggregate']>[0]) =>
      (await inner.aggregate<R>(fields && fields.size > 0 ? sealPipeline(keys, fields, pipeline) : pipeline)).map((row) => openDeep(keys, row) as R),
  };
}
