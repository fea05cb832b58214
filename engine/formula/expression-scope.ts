import { SYSTEM_FIELDS, type ResolvedField } from '../fields/index.js';

/** What a scope needs of an object: its name and fields (a resolved object is one). */
export interface ScopeObject {
  readonly name: string;
  readonly fields: readonly ResolvedField[];
}

/** The object a lookup or master-detail field points to, as far as an expression may read it. */
export interface ParentScope {
  /** The target object's API name, for messages. */
  readonly object: string;
  /** The target's own fields; its system fields are always readable too. */
  readonly fields: ReadonlySet<string>;
}

/**
 * What an expression may read: the record's fields, one level of parent fields through lookups
 * (`account.industry`), the system fields every record carries, and the variables the caller
 * binds at evaluation (`$user`, `$today`). JSONata's own functions are always available.
 */
export interface ExpressionScope {
  /** The object's API name, for messages ("'amonut' is not a field of opportunity"). */
  readonly object: string;
  /** The object's own fields; the system fields are added by the check itself. */
  readonly fields: ReadonlySet<string>;
  /** By lookup or master-detail field name: what its target lets an expression read. */
  readonly parents: ReadonlyMap<string, ParentScope>;
  /** Variable names the caller binds, with or without their `$`. */
  readonly variables: ReadonlySet<string>;
}

/** `_id`, `_owner`, `_createdAt` ... : readable on every record and every parent. */
export const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

/**
 * The scope of an expression on `object`, its parents found through `objectNamed` (the snapshot
 * being compiled). A lookup whose target is not known contributes no parent fields: resolving
 * the object has already reported that, and one message about it is enough.
 */
export function expressionScope(
  object: ScopeObject,
  objectNamed: (name: string) => ScopeObject | undefined,
  variables: Iterable<string> = [],
): ExpressionScope {
  const parents = new Map<string, ParentScope>();
  for (const field of object.fields) {
    if (field.type !== 'lookup' && field.type !== 'masterdetail') continue;
    const target = objectNamed(field.target);
    parents.set(field.name, {
      object: field.target,
      fields: new Set(target?.fields.map((targetField) => targetField.name) ?? []),
    });
  }
  return {
    object: object.name,
    fields: new Set(object.fields.map((field) => field.name)),
    parents,
    variables: new Set(variables),
  };
}
