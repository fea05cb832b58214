/* Generated from pack-translations.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

/**
 * translations/<language>.json in a pack's folder: the texts of the pack's definitions in one language, one line per text, keys in alphabetical order. A key names a definition and the place of a text in it, as a merge conflict names it without the language: object:lead/label, object:lead/fields/status/helpText, object:lead/fields/status/values/new/label (items of a list by name, picklist values by value, others by position), layout:lead_default/sections/0/title. A key message:<English template> translates a message of the pack's code, written with msg`…` (its values as {0}, {1} …): message:Discount above {0} % needs a manager.
 */
export interface PackTranslations {
  [k: string]: string;
}
