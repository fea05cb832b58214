import { InternalError } from '../errors/index.js';
import type { Collection, Collections, Doc } from '../store/port.js';

/**
 * The store as a simulation sees it: every read passes through, every write throws. The runtime's
 * functions (approver resolution, step conditions) run on it unchanged, and a simulation that
 * reached a write by mistake fails loudly instead of storing something.
 */
export function readOnlyCollections(reader: Collections): Collections {
  return {
    collection<T extends Doc = Doc>(name: string): Collection<T> {
      const inner = reader.collection<T>(name);
      const refuse = (): never => {
        throw new InternalError(`A simulation must not write, but tried to write to '${name}'.`);
      };
      return {
        name: inner.name,
        findOne: (filter, options) => inner.findOne(filter, options),
        find: (filter, options) => inner.find(filter, options),
        count: (filter) => inner.count(filter),
        aggregate<R>(pipeline: Record<string, unknown>[]) {
          if (pipeline.some((stage) => '$out' in stage || '$merge' in stage)) refuse();
          return inner.aggregate<R>(pipeline);
        },
        insertOne: refuse,
        insertMany: refuse,
        findOneAndUpdate: refuse,
        updateOne: refuse,
        updateMany: refuse,
        replaceOne: refuse,
        deleteOne: refuse,
        deleteMany: refuse,
      };
    },
  };
}
