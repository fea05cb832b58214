import { ConflictError } from '../errors/index.js';

/** A write broke a unique index. Both adapters raise this one kind, naming the index and its keys. */
export class DuplicateKeyError extends ConflictError {
  readonly index: string;
  readonly keys: string[];

  constructor(collection: string, index: string, keys: string[]) {
    super('duplicate_value', `A record in ${collection} already has this value of ${keys.join(', ')}.`);
    this.index = index;
    this.keys = keys;
  }
}
