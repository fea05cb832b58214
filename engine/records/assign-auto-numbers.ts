import { formatAutoNumber } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { COUNTERS, counterId } from '../metadata/metadata-collections.js';
import type { Collections, Doc } from '../store/port.js';

interface CounterDoc extends Doc {
  value: number;
}

/**
 * Gives each auto-number field of a new record the next number of its counter. The counter moves
 * in the record's own unit of work, so numbers are unique, increasing, and not used up by a
 * create that fails.
 */
export async function assignAutoNumbers(tx: Collections, object: CompiledObject, record: Record<string, unknown>): Promise<void> {
  for (const field of object.object.fields) {
    if (field.type !== 'autonumber') continue;
    const counter = await tx.collection<CounterDoc>(COUNTERS).findOneAndUpdate(
      { _id: counterId(object.name, field.name) },
      { $inc: { value: 1 } },
      { upsert: true },
    );
    // A fresh counter starts at 1 after its first increment; startAt shifts the whole sequence.
    const n = (counter?.value ?? 1) + field.startAt - 1;
    record[field.name] = formatAutoNumber(field.format, n);
  }
}
