/**
 * The rights of a permission set as its matrix edits them, and the implications the engine applies
 * (permission-set.schema.json): edit needs read, delete needs edit, view all needs read, modify all
 * needs view all and every other right; on a field, edit needs read. Ticking a right ticks what it
 * needs, unticking one unticks what needs it, so the matrix never shows a combination the engine
 * would read differently.
 */

export const OBJECT_RIGHTS = ['create', 'read', 'edit', 'delete', 'viewAll', 'modifyAll'] as const;
export type ObjectRight = (typeof OBJECT_RIGHTS)[number];
export type ObjectRights = Readonly<Partial<Record<ObjectRight, boolean>>>;

export const FIELD_RIGHTS = ['read', 'edit'] as const;
export type FieldRight = (typeof FIELD_RIGHTS)[number];
export type FieldRights = Readonly<Partial<Record<FieldRight, boolean>>>;

export const SYSTEM_RIGHTS = ['manageMetadata', 'manageUsers', 'viewAllData', 'modifyAllData', 'viewAuditLog', 'editLockedRecords'] as const;
export type SystemRight = (typeof SYSTEM_RIGHTS)[number];

/** What each object right needs besides itself. */
const NEEDS: Readonly<Record<ObjectRight, readonly ObjectRight[]>> = {
  create: [],
  read: [],
  edit: ['read'],
  delete: ['edit', 'read'],
  viewAll: ['read'],
  modifyAll: ['create', 'read', 'edit', 'delete', 'viewAll'],
};

/** The object rights after one box is ticked or unticked, with what follows from it. */
export function setObjectRight(rights: ObjectRights, right: ObjectRight, on: boolean): ObjectRights {
  const next: Partial<Record<ObjectRight, boolean>> = { ...rights, [right]: on };
  if (on) for (const needed of NEEDS[right]) next[needed] = true;
  else for (const other of OBJECT_RIGHTS) if (NEEDS[other].includes(right)) next[other] = false;
  return compact(next);
}

/** The field's rights as they hold: the object's, unless the set narrows them. */
export function effectiveFieldRights(object: ObjectRights, narrowed: FieldRights | undefined): Required<FieldRights> {
  const read = object.read === true && (narrowed ? narrowed.read === true : true);
  const edit = read && object.edit === true && (narrowed ? narrowed.edit === true : true);
  return { read, edit };
}

/**
 * A field's entry after one box changes: undefined when it is the object's rights again (the set
 * names only the fields it narrows), else both rights spelled out.
 */
export function setFieldRight(object: ObjectRights, narrowed: FieldRights | undefined, right: FieldRight, on: boolean): FieldRights | undefined {
  const current = effectiveFieldRights(object, narrowed);
  const wanted = right === 'read' ? { read: on, edit: on ? current.edit : false } : { read: on ? true : current.read, edit: on };
  const read = wanted.read && object.read === true;
  const edit = wanted.edit && read && object.edit === true;
  if (read === (object.read === true) && edit === (object.read === true && object.edit === true)) return undefined;
  return { read, edit };
}

/** True where the right is ticked for every row, false where for none, 'some' between: a column's bulk box. */
export function columnState(rows: readonly ObjectRights[], right: ObjectRight): boolean | 'some' {
  const ticked = rows.filter((rights) => rights[right] === true).length;
  return ticked === 0 ? false : ticked === rows.length ? true : 'some';
}

/** Every row with one right ticked or unticked (and what follows), for a column's bulk box. */
export function setColumn(rows: Readonly<Record<string, ObjectRights>>, objects: readonly string[], right: ObjectRight, on: boolean): Record<string, ObjectRights> {
  const next: Record<string, ObjectRights> = { ...rows };
  for (const object of objects) next[object] = setObjectRight(rows[object] ?? {}, right, on);
  return next;
}

/** A row's rights all ticked (modify all and everything it needs) or all cleared. */
export function setRow(on: boolean): ObjectRights {
  return on ? setObjectRight({}, 'modifyAll', true) : {};
}

/** Only the ticked rights: a set's definition holds what it grants. */
function compact(rights: Partial<Record<ObjectRight, boolean>>): ObjectRights {
  return Object.fromEntries(OBJECT_RIGHTS.filter((right) => rights[right] === true).map((right) => [right, true]));
}
