import type { ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { createAjv } from '../metadata/create-ajv.js';
import { readableErrors } from '../metadata/readable-errors.js';
import type { DemoRecord, PackDataFile } from '../schemas/generated/pack-data.js';
import dataSchema from '../schemas/pack-data.schema.json' with { type: 'json' };

export type { DemoRecord } from '../schemas/generated/pack-data.js';

/** A pack's demo records by object, each object's in its file's order (data/<object>.json). */
export type PackData = Readonly<Record<string, readonly DemoRecord[]>>;

/** The demo keys an install created, by object, each with the id of the record it made. */
export type DemoKeys = Record<string, Record<string, string>>;

/** A lookup's value in demo data: the demo key of a record of the field's target object. */
export interface DemoReference {
  readonly $key: string;
}

/** The system field a demo record may name a demo user in, `{ "$key": … }`: who owns the record. */
export const OWNER = '_owner';

/** Most demo records one pack may hold: demo data shows the pack, it does not migrate a business. */
export const MAX_DEMO_RECORDS = 10_000;

const OBJECT_NAME = /^[a-z](?:[a-z0-9]|_(?!_))*[a-z0-9]$|^[a-z]$/;

const validate = createAjv().compile<PackDataFile>(dataSchema);

export function isDemoReference(value: unknown): value is DemoReference {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { $key?: unknown }).$key === 'string';
}

/** The file of one object's demo records in a pack's folder. */
export function dataFile(object: string): string {
  return `/data/${object}.json`;
}

/**
 * Checks a pack's demo data as its folder or a request holds it: a file per object (named after
 * it), each a list of records with demo keys unique in the file. Every problem at once, each with
 * its file and index; whether the objects and fields exist is the install's check (they may be
 * the pack's own).
 */
export function checkPackData(files: Readonly<Record<string, unknown>>, problems: ErrorDetail[]): PackData {
  const data: Record<string, DemoRecord[]> = {};
  let count = 0;
  for (const [object, file] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const where = dataFile(object);
    if (!OBJECT_NAME.test(object)) {
      problems.push({ path: where, message: msg`must be named after an object's API name: data/<object>.json` });
      continue;
    }
    if (!validate(file)) {
      problems.push(...readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a property of a demo record`, data: file }).map((problem) => ({ ...problem, path: `${where}${problem.path}` })));
      continue;
    }
    const seen = new Set<string>();
    file.forEach((record, index) => {
      if (seen.has(record._key)) problems.push({ path: `${where}/${index}/_key`, message: msg`'${record._key}' is the demo key of an earlier record of this file` });
      seen.add(record._key);
    });
    count += file.length;
    data[object] = file;
  }
  if (count > MAX_DEMO_RECORDS) problems.push({ path: '/data', message: msg`holds ${count} records; a pack may hold at most ${MAX_DEMO_RECORDS}` });
  return data;
}
