import type { ResolvedLookupField, ResolvedMasterDetailField, ResolvedRollupField } from '../../fields/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';

/** A field of `object` that points at another object's records. */
export interface IncomingReference {
  readonly object: CompiledObject;
  readonly field: ResolvedLookupField | ResolvedMasterDetailField;
}

/** A roll-up on `master` that summarizes records of some detail object. */
export interface RollupOnMaster {
  readonly master: CompiledObject;
  readonly field: ResolvedRollupField;
}

export interface RelationshipMap {
  /** Per object: the fields of other objects pointing at it. */
  incoming(objectName: string): readonly IncomingReference[];
  /** Per detail object: the roll-ups its records feed. */
  rollupsFedBy(childName: string): readonly RollupOnMaster[];
}

/** Who points at whom, computed once per snapshot and shared by every write on it. */
export function relationshipsOf(snapshot: Snapshot): RelationshipMap {
  return snapshot.memo('relationships', () => {
    const incoming = new Map<string, IncomingReference[]>();
    const rollups = new Map<string, RollupOnMaster[]>();
    for (const object of snapshot.objects.values()) {
      for (const field of object.object.fields) {
        if (field.type === 'lookup' || field.type === 'masterdetail') {
          const list = incoming.get(field.target) ?? [];
          list.push({ object, field });
          incoming.set(field.target, list);
        } else if (field.type === 'rollup') {
          const list = rollups.get(field.child) ?? [];
          list.push({ master: object, field });
          rollups.set(field.child, list);
        }
      }
    }
    return {
      incoming: (name) => incoming.get(name) ?? [],
      rollupsFedBy: (name) => rollups.get(name) ?? [],
    };
  });
}
