import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { fieldTypeOf, type JsonSchema, type ResolvedField } from '../fields/index.js';
import type { IndexSpec } from '../store/port.js';
import { createAjv } from './create-ajv.js';
import { createSchema, patchSchema, readSchema } from './record-schemas.js';
import type { ResolvedObject } from './resolved-object.js';
import { recordIndexes } from './record-indexes.js';
import { NO_LOGIC, type ObjectLogic } from './object-logic.js';
import type { ObjectDefinition } from '../schemas/generated/object.js';

/** The store collection of an object's records. */
export function recordCollection(objectName: string): string {
  return `records.${objectName}`;
}

/** The store collection of an object's field history, looked up by record. */
export function historyCollection(objectName: string): string {
  return `history.${objectName}`;
}
export const HISTORY_INDEXES: readonly IndexSpec[] = [{ name: 'ref_record', keys: { record: 1 } }];

/**
 * One object of a snapshot, compiled once: its record schemas and their ajv validators, its
 * indexes. Immutable but for the memo of its validators, each compiled on first use.
 */
export class CompiledObject {
  readonly name: string;
  readonly collection: string;
  readonly createSchema: JsonSchema;
  readonly patchSchema: JsonSchema;
  readonly readSchema: JsonSchema;
  readonly indexes: readonly IndexSpec[];
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    readonly definition: ObjectDefinition,
    readonly object: ResolvedObject,
    /** Formulas, validation rules and default expressions, compiled. */
    readonly logic: ObjectLogic = NO_LOGIC,
    /** The fields the object's shared list views filter or sort by (see listViewFields): indexed too. */
    readonly viewFields: readonly string[] = [],
  ) {
    this.name = object.name;
    this.collection = recordCollection(object.name);
    this.ajv = createAjv({ engineBuiltSchemas: true });
    this.createSchema = createSchema(object);
    this.patchSchema = patchSchema(object);
    this.readSchema = readSchema(object);
    this.indexes = recordIndexes(object, viewFields);
  }

  /** Compiled on first use, so a metadata change pays only for what the next requests need. */
  get validateCreate(): ValidateFunction {
    return this.memoValidator('create', this.createSchema);
  }

  get validatePatch(): ValidateFunction {
    return this.memoValidator('patch', this.patchSchema);
  }

  private memoValidator(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  field(name: string): ResolvedField | undefined {
    return this.object.fieldsByName.get(name);
  }

  /**
   * A validator of one value of the field: `write` as a client may send it (a filter operand, a
   * default), `stored` as a record may already hold it (inactive picklist values included).
   */
  valueValidator(field: ResolvedField, use: 'write' | 'stored' = 'write'): ValidateFunction {
    const type = fieldTypeOf(field);
    const schema = use === 'stored' ? (type.readSchema?.(field) ?? type.valueSchema(field)) : type.valueSchema(field);
    return this.memoValidator(`${use}:${field.name}`, schema);
  }
}
