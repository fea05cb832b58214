import { ConflictError } from '../errors/index.js';
import type { Collection } from '../store/port.js';
import { msg } from '../i18n/message.js';

const SAMPLE_SIZE = 5;

/**
 * Refuses, with 409 `duplicate_values`, to make `keys` unique while records share a value of
 * them: how many records hold each of up to five shared values (the values themselves stay out,
 * the admin changing the field may not be allowed to read them). Answers quietly when none do.
 */
export async function refuseSharedValues(records: Collection, keys: readonly string[]): Promise<void> {
  const groupKey = keys.length === 1 ? `$${keys[0]}` : Object.fromEntries(keys.map((key) => [key, `$${key}`]));
  const groups = await records.aggregate<{ _id: unknown; count: number }>([
    { $match: Object.fromEntries(keys.map((key) => [key, { $ne: null }])) },
    { $group: { _id: groupKey, count: { $sum: 1 } } },
    { $match: { count: { $gt: 1 } } },
    { $limit: SAMPLE_SIZE },
  ]);
  if (groups.length === 0) return;
  const name = keys.join(', ');
  throw new ConflictError(
    'duplicate_values',
    msg`'${name}' cannot be made unique: records already share values (${groups.map((group) => msg`one value held by ${group.count} records`).join(', ')}). Find them by sorting on ${name}, correct them, then try again.`,
    groups.map((group) => ({ path: `/fields/${keys[0]}`, message: msg`a value is held by ${group.count} records` })),
  );
}
