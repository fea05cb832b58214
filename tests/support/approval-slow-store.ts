import type { Collections, Doc, Store } from '../../engine/store/port.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes every insert into one collection take `ms` longer, in the units of work of the store, as a
 * store across a network (MongoDB) takes milliseconds per write where the embedded one takes
 * microseconds: what depends on two timestamps of one unit of work being equal shows at once.
 * Returns the function that restores the store.
 */
export function slowInserts(store: Store, collection: string, ms: number): () => void {
  const original = store.unitOfWork;
  const slowTx = (tx: Collections): Collections => ({
    collection: <T extends Doc = Doc>(name: string) => {
      const target = tx.collection<T>(name);
      if (name !== collection) return target;
      return new Proxy(target, {
        get(object, property) {
          const value = Reflect.get(object, property, object) as unknown;
          if (typeof value !== 'function') return value;
          if (property !== 'insertOne' && property !== 'insertMany') return value.bind(object);
          return async (...args: unknown[]) => {
            await sleep(ms);
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        },
      });
    },
  });
  store.unitOfWork = ((work: (tx: Collections) => Promise<unknown>) => original.call(store, (tx: Collections) => work(slowTx(tx)))) as Store['unitOfWork'];
  return () => {
    delete (store as { unitOfWork?: unknown }).unitOfWork;
    if (store.unitOfWork !== original) store.unitOfWork = original;
  };
}
