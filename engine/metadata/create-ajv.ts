import type { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import commonSchema from '../schemas/common.schema.json' with { type: 'json' };

// ajv-formats is CommonJS: under NodeNext its function arrives as the default of the default.
const addFormats = formats.default;

/** The string formats field types use; ajv checks nothing else as a format. */
export const RECORD_FORMATS = ['email', 'date', 'date-time', 'uri'] as const;

/**
 * Adds the record formats, from this package's ajv-formats. Exported so that the forms' validator
 * (@rjsf/validator-ajv8 bundles an older ajv-formats whose date-time accepts a missing time zone)
 * checks formats exactly as the server does.
 */
export function addRecordFormats<A extends Ajv>(ajv: A): A {
  addFormats(ajv, [...RECORD_FORMATS]);
  return ajv;
}

/**
 * A new ajv for one compiled unit (a metadata kind, or one object of a snapshot): every error,
 * with the offending data for readable messages. A fresh instance per unit lets an old snapshot's
 * validators be collected with it instead of piling up in one shared cache.
 */
export function createAjv(options: { engineBuiltSchemas?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    discriminator: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    // Checking a schema against the 2020-12 meta-schema costs a fresh instance most of its first
    // compile (it compiles the meta-schema); schemas the engine builds itself need no such check.
    validateSchema: !options.engineBuiltSchemas,
  });
  addRecordFormats(ajv);
  // json-schema-to-typescript's hint for the generated types; no meaning to validation.
  ajv.addKeyword('tsType');
  return ajv;
}

/**
 * A new ajv for the metadata kinds' own schemas (and the pack manifest's): the definitions they
 * share (common.schema.json) are loaded once, so each kind's `common.schema.json#/$defs/...`
 * resolves.
 */
export function createDefinitionAjv(): Ajv2020 {
  const ajv = createAjv();
  ajv.addSchema(commonSchema);
  return ajv;
}
