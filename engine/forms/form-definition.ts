import type { JsonSchema } from '../fields/index.js';
import type { Language } from '../i18n/language.js';

/**
 * Options our own widgets read from a field's `ui:options` (rjsf passes them through untouched).
 * Only the keys of the field's type are set.
 */
export interface FieldUiOptions {
  /** Currency: the ISO 4217 code of the amounts; null means the tenant's corporate currency. */
  readonly currency?: string | null;
  /**
   * Number, currency, percent: the smallest step the field's scale keeps (0.01 for scale 2). A
   * hint for the input only: the server rounds to the scale instead of refusing other values, so
   * the schema carries no `multipleOf`.
   */
  readonly step?: number;
  /** Lookup and master-detail: the object whose records the `lookup` widget searches. */
  readonly target?: string;
  /** JSON: the value is an object or array edited as JSON text by the `json` field. */
  readonly json?: boolean;
  /** Dependent picklist: the field whose value narrows this one's choices. */
  readonly controllingField?: string;
  /** Dependent picklist: the values allowed with each value of the controlling field. */
  readonly dependencies?: Readonly<Record<string, readonly string[]>>;
}

/** The uiSchema of one field: rjsf's own keys, plus our options. */
export interface FieldUiSchema {
  readonly 'ui:widget'?: string;
  /** A custom field component by its registered name (`json`), for values no rjsf field renders. */
  readonly 'ui:field'?: string;
  readonly 'ui:readonly'?: boolean;
  readonly 'ui:inputType'?: string;
  /** Labels of the schema's `enum` values, in the same order, in the form's language. */
  readonly 'ui:enumNames'?: readonly string[];
  readonly 'ui:options'?: FieldUiOptions;
}

/**
 * One section of the layout. rjsf has no sections: a custom ObjectFieldTemplate reads them from
 * the root `ui:options.sections` and places each field's rendered element (its `properties` entry,
 * by name) into its section's grid.
 */
export interface FormSection {
  /** In the form's language; null when the layout gives the section no title. */
  readonly title: string | null;
  readonly columns: 1 | 2;
  /** Shown folded until the user opens it. */
  readonly collapsed: boolean;
  /** Field names in reading order; together the sections hold every property exactly once. */
  readonly fields: readonly string[];
}

export interface FormRootUiOptions {
  readonly sections: readonly FormSection[];
}

/**
 * The uiSchema of a whole form: field order, the sections in the root's `ui:options`, and one
 * entry per field. API names cannot contain ':', so field names never clash with `ui:` keys.
 */
export type FormUiSchema = {
  readonly 'ui:order': readonly string[];
  readonly 'ui:options': FormRootUiOptions;
  readonly [field: string]: FieldUiSchema | readonly string[] | FormRootUiOptions;
};

/** The JSON Schema of a form: the server's create rules for the form's fields, titled in the language. */
export interface FormSchema {
  readonly type: 'object';
  readonly title: string;
  readonly additionalProperties: false;
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

/** A related list of the layout, for the record page under the form. */
export interface FormRelatedList {
  readonly object: string;
  /** The child's field pointing at this object. */
  readonly field: string;
  readonly columns: readonly string[];
  readonly label: string;
}

/** What GET /api/v1/forms/:object returns: everything a client needs to render one form. */
export interface FormDefinition {
  readonly object: string;
  /** The layout the form comes from; null for the default form of an object without layouts. */
  readonly layout: string | null;
  readonly language: Language;
  /** The metadata version the form was compiled from. */
  readonly version?: number;
  readonly schema: FormSchema;
  readonly uiSchema: FormUiSchema;
  readonly relatedLists: readonly FormRelatedList[];
}

/** What a form holds and submits: field values by API name. */
export type FormValues = Record<string, unknown>;
