/* Generated from pack.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {LocalizedText, PackName} from './common.js';

/**
 * pack.json at the root of a pack's folder: what the pack is, its version, and what it needs. Its metadata lies beside it in metadata/<kind>/<name>.json, one file per definition.
 */
export interface PackManifest {
  /**
   * The pack's name, unique among packs: lower case letters, digits, - and _.
   */
  name: PackName;
  /**
   * The pack's version (semantic versioning): an upgrade goes to a higher one.
   */
  version: string;
  label: LocalizedText;
  description?: LocalizedDescription;
  requires?: {
    /**
     * A semantic-versioning range the platform's version must satisfy, e.g. >=0.1.0.
     */
    platform?: string;
    /**
     * Packs that must be installed first, each with the range of versions that will do.
     */
    packs?: {
      [k: string]: string;
    };
  };
}
/**
 * A longer text in each supported language.
 *
 * This interface was referenced by `PackManifest`'s JSON-Schema
 * via the `definition` "LocalizedDescription".
 */
export interface LocalizedDescription {
  en?: string;
  'zh-CN'?: string;
  'zh-TW'?: string;
}
