/* Generated from object.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, Icon, LocalizedText} from './common.js';

/**
 * A field of an object; its type decides which other properties apply.
 *
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "Field".
 */
export type Field =
  | TextField
  | LongTextField
  | RichTextField
  | NumberField
  | CurrencyField
  | PercentField
  | DateField
  | DateTimeField
  | BooleanField
  | PicklistField
  | MultiPicklistField
  | EmailField
  | PhoneField
  | UrlField
  | LookupField
  | MasterDetailField
  | AutoNumberField
  | JsonField
  | FormulaField
  | RollupField;
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "TextField".
 */
export type TextField = FieldCommon &
  Encryption & {
    type: 'text';
    /**
     * Default 255.
     */
    maxLength?: number;
  };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "LongTextField".
 */
export type LongTextField = FieldCommon &
  Encryption & {
    type: 'longtext';
    /**
     * Default 32768.
     */
    maxLength?: number;
  };
/**
 * Formatted text, stored as HTML that the engine sanitises at every write: paragraphs, line breaks, bold, italic, underline, strike, links (http, https, mailto), lists, headings 2 to 4, quotes and code. Everything else is dropped.
 *
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "RichTextField".
 */
export type RichTextField = FieldCommon & {
  type: 'richtext';
  /**
   * The longest value, in characters of sanitised HTML. Default 65536.
   */
  maxLength?: number;
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "NumberField".
 */
export type NumberField = FieldCommon &
  Precision & {
    type: 'number';
  };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "CurrencyField".
 */
export type CurrencyField = FieldCommon &
  Precision & {
    type: 'currency';
    /**
     * ISO 4217 code of the amounts. Default: the tenant's corporate currency.
     */
    currency?: string;
    /**
     * A picklist or text field of the record holding the ISO code of its amounts (for records in several currencies); when empty, the field's currency applies.
     */
    currencyField?: ApiName;
    /**
     * A date field of the record whose date picks the dated exchange rate (e.g. close_date); default: the day the record was created.
     */
    rateDate?: ApiName;
  };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "PercentField".
 */
export type PercentField = FieldCommon &
  Precision & {
    type: 'percent';
  };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "DateField".
 */
export type DateField = FieldCommon & {
  type: 'date';
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "DateTimeField".
 */
export type DateTimeField = FieldCommon & {
  type: 'datetime';
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "BooleanField".
 */
export type BooleanField = FieldCommon & {
  type: 'boolean';
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "PicklistField".
 */
export type PicklistField = FieldCommon &
  Picklist & {
    type: 'picklist';
  };
/**
 * A choice: a bare value, or the value with its labels and whether it may still be chosen.
 *
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "PicklistValue".
 */
export type PicklistValue =
  | string
  | {
      value: string;
      label?: LocalizedText;
      /**
       * An inactive value stays on old records but cannot be chosen again. Default true.
       */
      active?: boolean;
    };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "MultiPicklistField".
 */
export type MultiPicklistField = FieldCommon &
  Picklist & {
    type: 'multipicklist';
    /**
     * How many values may be chosen at most. Default: all of them.
     */
    maxSelected?: number;
  };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "EmailField".
 */
export type EmailField = FieldCommon &
  Encryption & {
    type: 'email';
  };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "PhoneField".
 */
export type PhoneField = FieldCommon &
  Encryption & {
    type: 'phone';
  };
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "UrlField".
 */
export type UrlField = FieldCommon & {
  type: 'url';
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "LookupField".
 */
export type LookupField = FieldCommon & {
  type: 'lookup';
  /**
   * API name of the object the field points at.
   */
  target: ApiName;
  /**
   * What deleting the record looked up does: clear this field on the records pointing at it (the default), or refuse the delete while any record points at it (required lookups must restrict).
   */
  onDelete?: 'clear' | 'restrict';
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "MasterDetailField".
 */
export type MasterDetailField = FieldCommon & {
  type: 'masterdetail';
  /**
   * API name of the master object. A detail record always has a master.
   */
  target: ApiName;
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "AutoNumberField".
 */
export type AutoNumberField = FieldCommon & {
  type: 'autonumber';
  /**
   * The pattern of the numbers, with {0000} where the zero-padded counter goes, e.g. PO-{0000}.
   */
  format: string;
  /**
   * The first number given. Default 1.
   */
  startAt?: number;
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "JsonField".
 */
export type JsonField = FieldCommon & {
  type: 'json';
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "FormulaField".
 */
export type FormulaField = FieldCommon & {
  type: 'formula';
  /**
   * A JSONata expression over the record and, through lookups, its parents, e.g. amount * probability / 100 or account.industry.
   */
  expression: string;
  /**
   * The type of the computed value, which decides how it is stored, filtered and shown.
   */
  resultType: 'text' | 'number' | 'currency' | 'percent' | 'date' | 'datetime' | 'boolean';
  /**
   * Digits after the decimal point of a numeric result. Default 2.
   */
  scale?: number;
};
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "RollupField".
 */
export type RollupField = FieldCommon & {
  type: 'rollup';
  /**
   * API name of the detail object whose records are summarized.
   */
  child: ApiName;
  /**
   * The detail's master-detail field pointing at this object; needed only when it has several.
   */
  relationship?: ApiName;
  /**
   * How the children are summarized.
   */
  function: 'count' | 'sum' | 'min' | 'max';
  /**
   * The detail field summed, or whose minimum or maximum is taken; not used by count.
   */
  field?: ApiName;
  /**
   * Only children matching this condition count, in the records API's filter language, e.g. {"status": "won"}.
   */
  filter?: {};
};

/**
 * A business object (a DocType, a custom object): its API name, labels and fields. Holds only what differs from the defaults.
 */
export interface ObjectDefinition {
  /**
   * API name: lower case letters, digits and underscores, starting with a letter. Never changes once records exist.
   */
  name: ApiName;
  label?: LocalizedText;
  pluralLabel?: LocalizedText;
  /**
   * A note for admins on what the object is for.
   */
  description?: string;
  /**
   * The org-wide default: who sees and edits a record beside its owner. private: the owner, the roles above (see grantAccessUsingHierarchy), sharing rules and manual shares; publicRead: every user with read permission sees every record; publicReadWrite: and may edit it. Default publicReadWrite. A detail object of a master-detail has none: its records follow their master.
   */
  sharing?: 'private' | 'publicRead' | 'publicReadWrite';
  /**
   * The object's icon in the navigation, its lists and record pages. Default FileTextOutlined.
   */
  icon?: Icon;
  /**
   * Users see and edit the records owned by users in the roles below theirs. Default true.
   */
  grantAccessUsingHierarchy?: boolean;
  /**
   * The fields, in their default order.
   *
   * @maxItems 500
   */
  fields?: Field[];
  /**
   * Business rules a record must satisfy to be saved, checked after its fields are valid.
   *
   * @maxItems 100
   */
  validationRules?: ValidationRule[];
}
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "FieldCommon".
 */
export interface FieldCommon {
  /**
   * API name of the field, unique in its object. Never changes once records exist.
   */
  name: ApiName;
  label?: LocalizedText;
  helpText?: LocalizedText;
  /**
   * A note for admins.
   */
  description?: string;
  /**
   * A record cannot be saved without a value. Default false.
   */
  required?: boolean;
  /**
   * No two records may share a value. Default false.
   */
  unique?: boolean;
  /**
   * The field holds the record's id in another system (an ERP number, a legacy key): unique and indexed like a unique field, and what imports and the bulk API match records by (upsert by external id) and what an import finds parents by. Only on text, number, e-mail, phone and URL fields. Default false.
   */
  externalId?: boolean;
  /**
   * Keep an index on the field, so that lists filtered or sorted by it read only the records they show instead of every record. Unique fields, lookups, master-detail and auto-number fields, and the fields a shared list view filters or sorts by, are indexed anyway. Default false.
   */
  indexed?: boolean;
  /**
   * The value a new record gets when the client sends none. Must be a valid value of the field.
   */
  default?: unknown;
  /**
   * Keep who changed the field, when, and its old and new value, in the record's history. Default false.
   */
  trackHistory?: boolean;
  /**
   * A JSONata expression giving the value of a new record's field when the client sends none, e.g. $today, $user or account.region. Used instead of default.
   */
  defaultExpression?: string;
}
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "Encryption".
 */
export interface Encryption {
  /**
   * Store the field's values encrypted (AES-256-GCM under the tenant's data key): the store's files, its backups, the field's history and the audit log never hold them in clear, and only users who may read the field get them decrypted. It costs search, sorting and range filters: the field can be filtered only by whether it is empty, or by equality when `deterministic` is true. Not with unique or externalId. Turning it on or off encrypts or decrypts the existing records in the background. Default false.
   */
  encrypted?: boolean;
  /**
   * With `encrypted`: the same value is always encrypted the same way, so the field can be filtered by equality (eq, ne, in, nin), at the price of showing which records share a value to whoever reads the store. Default false.
   */
  deterministic?: boolean;
}
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "Precision".
 */
export interface Precision {
  /**
   * Total number of digits. Default 18.
   */
  precision?: number;
  /**
   * Digits after the decimal point. Default 0 for number, 2 for currency and percent.
   */
  scale?: number;
  /**
   * The smallest value accepted.
   */
  min?: number;
  /**
   * The largest value accepted.
   */
  max?: number;
}
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "Picklist".
 */
export interface Picklist {
  /**
   * The choices, in display order.
   *
   * @minItems 1
   * @maxItems 1000
   */
  values: [PicklistValue, ...PicklistValue[]];
  /**
   * A picklist or boolean field of the same object whose value decides which of these values may be chosen (a dependent picklist).
   */
  controllingField?: ApiName;
  /**
   * For each value of the controlling field (true/false for a boolean), the values of this field that may be chosen with it. A controlling value not listed allows none.
   */
  dependencies?: {
    [k: string]: string[];
  };
}
/**
 * This interface was referenced by `ObjectDefinition`'s JSON-Schema
 * via the `definition` "ValidationRule".
 */
export interface ValidationRule {
  /**
   * API name of the rule, unique in its object.
   */
  name: ApiName;
  /**
   * A JSONata expression that is true when the record is NOT valid, e.g. discount > 20 and $not(approved).
   */
  condition: string;
  message: LocalizedText;
  /**
   * The field the message is shown at; the whole record when omitted.
   */
  field?: ApiName;
  /**
   * Inactive rules are kept but not checked. Default true.
   */
  active?: boolean;
}
