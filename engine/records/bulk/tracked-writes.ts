import type { Collection, Collections, Doc } from '../../store/port.js';

/**
 * A unit of work's collections that count the writes made through them, so that a batch can tell
 * whether a record that failed left anything behind in the unit. A write counts once it succeeded
 * on a store whose failed writes leave the unit as it was (the embedded store checks before it
 * writes), and as soon as it is tried on MongoDB, where a failed write aborts the transaction.
 */
export class TrackedWrites implements Collections {
  private count = 0;
  /** One view per collection, made once per unit: a batch asks for the same few collections for every record. */
  private readonly views = new Map<string, Collection>();

  constructor(
    private readonly tx: Collections,
    private readonly failedWritesAbort: boolean,
  ) {}

  get writes(): number {
    return this.count;
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    let view = this.views.get(name);
    if (!view) this.views.set(name, (view = this.view(name)));
    return view as unknown as Collection<T>;
  }

  private view<T extends Doc>(name: string): Collection<T> {
    const inner = this.tx.collection<T>(name);
    const write = <R>(run: () => Promise<R>): Promise<R> => this.counted(run);
    return {
      name: inner.name,
      findOne: (filter, options) => inner.findOne(filter, options),
      find: (filter, options) => inner.find(filter, options),
      count: (filter) => inner.count(filter),
      aggregate: (pipeline) => inner.aggregate(pipeline),
      insertOne: (doc) => write(() => inner.insertOne(doc)),
      insertMany: (docs) => write(() => inner.insertMany(docs)),
      findOneAndUpdate: (filter, update, options) => write(() => inner.findOneAndUpdate(filter, update, options)),
      updateOne: (filter, update) => write(() => inner.updateOne(filter, update)),
      updateMany: (filter, update) => write(() => inner.updateMany(filter, update)),
      replaceOne: (filter, doc) => write(() => inner.replaceOne(filter, doc)),
      deleteOne: (filter) => write(() => inner.deleteOne(filter)),
      deleteMany: (filter) => write(() => inner.deleteMany(filter)),
    };
  }

  private async counted<R>(run: () => Promise<R>): Promise<R> {
    if (this.failedWritesAbort) this.count++;
    const result = await run();
    if (!this.failedWritesAbort) this.count++;
    return result;
  }
}
