/* Generated from layout.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, LocalizedText} from './common.js';

/**
 * This interface was referenced by `LayoutDefinition`'s JSON-Schema
 * via the `definition` "LayoutField".
 */
export type LayoutField =
  | ApiName
  | {
      /**
       * API name of the field.
       */
      field: ApiName;
      /**
       * Required on this layout even if the field is optional on the object.
       */
      required?: boolean;
      /**
       * Shown but not editable on this layout.
       */
      readOnly?: boolean;
    };

/**
 * A page layout of an object: the sections of its record form, the fields in order, per-layout overrides and the related lists to show. An object may have several (per record type or per role).
 */
export interface LayoutDefinition {
  /**
   * API name of the layout, unique in the tenant, e.g. purchase_request_default.
   */
  name: ApiName;
  /**
   * API name of the object the layout shows.
   */
  object: ApiName;
  label?: LocalizedText;
  /**
   * A note for admins on when the layout is used.
   */
  description?: string;
  /**
   * The layout used when none is asked for. At most one per object; default false (then the first layout by name).
   */
  isDefault?: boolean;
  /**
   * The roles this layout is for: a user holding one of them gets it when no layout is asked for (else the object's default). At most one layout per object and role.
   *
   * @maxItems 100
   */
  roles?: ApiName[];
  /**
   * The sections of the form, top to bottom.
   *
   * @minItems 1
   * @maxItems 50
   */
  sections: [Section, ...Section[]];
  /**
   * Lists of child records shown under the form.
   *
   * @maxItems 20
   */
  relatedLists?: RelatedList[];
}
/**
 * This interface was referenced by `LayoutDefinition`'s JSON-Schema
 * via the `definition` "Section".
 */
export interface Section {
  title?: LocalizedText;
  /**
   * How many columns the section's fields flow into. Default 1.
   */
  columns?: 1 | 2;
  /**
   * Shown folded until the user opens it. Default false.
   */
  collapsed?: boolean;
  /**
   * The fields, in reading order: a field's API name, or the name with overrides.
   *
   * @minItems 1
   * @maxItems 200
   */
  fields: [LayoutField, ...LayoutField[]];
}
/**
 * This interface was referenced by `LayoutDefinition`'s JSON-Schema
 * via the `definition` "RelatedList".
 */
export interface RelatedList {
  /**
   * The child object.
   */
  object: ApiName;
  /**
   * The child's lookup or master-detail field pointing here; needed only when it has several.
   */
  field?: ApiName;
  /**
   * The child fields shown as columns.
   *
   * @maxItems 10
   */
  columns?: ApiName[];
  label?: LocalizedText;
}
