import type { FormValues } from '../../shared/forms/form-definition';
import type { RecordLike } from '../../shared/metadata/record-value';

/**
 * The PATCH body: only what the user changed, a cleared field as null. Sending the whole form would
 * also send computed and read-only values the user never touched.
 */
export function changedValues(record: RecordLike, values: FormValues): FormValues {
  const changes: FormValues = {};
  const names = new Set([...Object.keys(values)]);
  for (const name of names) {
    const before = record[name];
    const after = values[name];
    if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) changes[name] = after === undefined ? null : after;
  }
  return changes;
}
