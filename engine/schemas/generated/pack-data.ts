/* Generated from pack-data.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

/**
 * data/<object>.json in a pack's folder: demo records of one object, created in this order when an admin installs the pack with demo data. Each record carries a demo key; a lookup or master-detail field names another demo record by its key: { "$key": "acme" }.
 *
 * @maxItems 5000
 */
export type PackDataFile = DemoRecord[];

export interface DemoRecord {
  /**
   * The record's demo key, unique in its file: other demo records name it ({ "$key": … }), and the install remembers it, so that installing again creates no second copy.
   */
  _key: string;
  [k: string]: unknown;
}
