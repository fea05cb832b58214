import type { Text } from '../i18n/message.js';
import type { LocalizedText } from '../schemas/generated/common.js';
import type { Field } from '../schemas/generated/object.js';

export type FieldTypeName = Field['type'];
export type FieldDefinitionOf<K extends FieldTypeName> = Extract<Field, { type: K }>;

/**
 * A label in the languages metadata is written in, filled in by resolve; zh-TW only where an admin
 * wrote it (read labels through localize(), which converts the zh-CN one otherwise).
 */
export interface Labels {
  readonly en: string;
  readonly 'zh-CN': string;
  readonly 'zh-TW'?: string;
}

/** What every resolved field has, whatever its type: defaults filled, nothing left optional by accident. */
export interface ResolvedFieldCommon {
  readonly name: string;
  readonly label: Labels;
  readonly helpText?: LocalizedText;
  readonly description?: string;
  readonly required: boolean;
  readonly unique: boolean;
  /**
   * The record's id in another system: unique (so `unique` is true too), and what imports and the
   * bulk API match records and parents by.
   */
  readonly externalId: boolean;
  /** The store keeps an index on the field (see CompiledObject's indexes). */
  readonly indexed: boolean;
  /** Changes are written to the record's history. */
  readonly trackHistory: boolean;
  /** The default as written, already checked against the field's value schema. */
  readonly default?: unknown;
  /** A JSONata expression computing the default of a new record, instead of `default`. */
  readonly defaultExpression?: string;
  /**
   * Values stored encrypted under the tenant's data key (text, long text, e-mail, phone):
   * `deterministic` when equal values seal alike (equality filters), `random` otherwise.
   */
  readonly encryption?: FieldEncryption;
}

export type FieldEncryption = 'random' | 'deterministic';

export type JsonSchema = Record<string, unknown>;

/** The operators of the API's filter language; each field type allows a subset. */
export type FilterOperator =
  | 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'contains' | 'startsWith' | 'isNull';

export const COMPARABLE: readonly FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull'];
export const TEXTUAL: readonly FilterOperator[] = [...COMPARABLE, 'contains', 'startsWith'];
export const EQUALITY: readonly FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'isNull'];

/**
 * One field type, whole: how its definition resolves, what values it accepts, how a value of
 * another type converts to it, and how it may be filtered and sorted. Adding a type is adding one
 * module and one entry in the registry; the registry's mapped type makes a missing one a compile error.
 */
export interface FieldType<D extends Field, R extends ResolvedFieldCommon & { type: string }> {
  readonly type: D['type'];
  /** Fills the type's own defaults; the common part is already resolved. */
  resolve(definition: D, common: ResolvedFieldCommon): R;
  /** The JSON Schema of one value (never null: absent values are handled before validation). */
  valueSchema(field: R): JsonSchema;
  /** The schema of a value as read back, which may hold what can no longer be written (inactive choices). */
  readSchema?(field: R): JsonSchema;
  /**
   * Turns a valid input value into its stored form (rounding to the scale, UTC for date-times).
   * Called after validation, so the value has the value schema's shape.
   */
  normalize?(value: unknown, field: R): unknown;
  /**
   * What the value schema cannot say about a valid value (how deep a JSON value nests): a message
   * for the value's path, or undefined when the value is fine. Checked on every write beside the schema.
   */
  check?(value: unknown, field: R): Text | undefined;
  /**
   * Best effort to turn a stored value of any other type into this type, for type changes;
   * undefined when it cannot. The result is then checked against the value schema.
   */
  coerce(value: unknown, field: R): unknown;
  /** False for values the engine computes (auto-numbers): clients may never send them. */
  readonly writable: boolean;
  readonly operators: readonly FilterOperator[];
  /**
   * The plain text of a stored value, when it is not the value itself (rich text: its text without
   * tags, entities decoded). Kept beside the record's values at every write (`_text.<field>`), so
   * `contains` and the global search look into the text in the store query, never into markup.
   */
  readonly plainText?: (value: unknown) => string | null;
  readonly sortable: boolean;
}
