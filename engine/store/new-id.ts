import { ObjectId } from 'bson';

/**
 * A new document id: 24 hex characters that grow with time, so that sorting by _id is sorting by
 * creation, and that look the same in both adapters (stored as strings, never as ObjectId).
 */
export function newId(): string {
  return new ObjectId().toHexString();
}
