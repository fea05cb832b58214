import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Collections } from '../../store/port.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { inRecycleBin } from '../../metadata/record-shape/record-state.js';
import { relationshipsOf } from '../relationships/relationship-map.js';

/**
 * The records one delete put in the recycle bin: the record itself and, down its master-detail
 * tree, every record marked as deleted with it.
 */
export async function deletedTogether(
  tx: Collections,
  snapshot: Snapshot,
  object: CompiledObject,
  rootId: string,
): Promise<{ object: CompiledObject; record: StoredRecord }[]> {
  const found: { object: CompiledObject; record: StoredRecord }[] = [];
  const visited = new Set<string>();
  const queue: CompiledObject[] = [object];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (visited.has(current.name)) continue;
    visited.add(current.name);
    const records = await tx.collection<StoredRecord>(current.collection).find(inRecycleBin({ _deletedWith: rootId }));
    for (const record of records) found.push({ object: current, record });
    for (const { object: child, field } of relationshipsOf(snapshot).incoming(current.name)) {
      if (field.type === 'masterdetail') queue.push(child);
    }
  }
  return found;
}
