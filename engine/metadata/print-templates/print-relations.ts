import type { CompiledObject } from '../compiled-object.js';

/** A related list a print template can read: the child records whose `field` points at the printed record. */
export interface PrintRelation {
  /** Its name under `related`: the child object, or `<child>__<field>` when several of its fields point here. */
  readonly key: string;
  readonly child: string;
  readonly field: string;
}

/** Every related list of an object: the lookups and master-details of other objects (and its own) that point at it. */
export function printRelations(object: CompiledObject, objects: ReadonlyMap<string, CompiledObject>): PrintRelation[] {
  const relations: PrintRelation[] = [];
  for (const child of objects.values()) {
    const pointers = child.object.fields.filter((field) => (field.type === 'lookup' || field.type === 'masterdetail') && field.target === object.name);
    for (const field of pointers) {
      relations.push({ key: pointers.length === 1 ? child.name : `${child.name}__${field.name}`, child: child.name, field: field.name });
    }
  }
  return relations.sort((a, b) => a.key.localeCompare(b.key));
}
