import { createHash } from 'node:crypto';
import type { IndexDescription } from 'mongodb';
import type { IndexSpec, SortSpec } from '../port.js';
import { isPlainObject } from '../plain-object.js';

/**
 * The platform's indexes carry a name of their own making: `crm_<declared name>_<fingerprint>`,
 * the fingerprint a hash of the keys (in order) and the uniqueness. Every other index of a
 * collection belongs to someone else (a DBA's, Atlas's suggestions) and is left alone. A changed
 * declaration gets a new fingerprint, hence a new name, so it is built beside the old one, which
 * is dropped only once the new one exists.
 */
export const PLATFORM_INDEX_PREFIX = 'crm_';
const PLATFORM_NAME = /^crm_(.+)_([0-9a-f]{8})$/;

/** An index as listIndexes reports it (_id_ left out), reduced to what the plan compares. */
export interface ExistingIndex {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  partialFilterExpression?: unknown;
}

export interface IndexPlan {
  /** Built first, all in one createIndexes. */
  create: IndexDescription[];
  /** Dropped by name once every index of `create` exists. */
  drop: string[];
}

/** The name the platform gives a declared index in MongoDB. */
export function physicalName(spec: IndexSpec): string {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([Object.entries(spec.keys), spec.unique === true]))
    .digest('hex')
    .slice(0, 8);
  return `${PLATFORM_INDEX_PREFIX}${spec.name}_${fingerprint}`;
}

/** The declared name of one of the platform's indexes, or undefined for anyone else's. */
export function declaredName(physical: string): string | undefined {
  return PLATFORM_NAME.exec(physical)?.[1];
}

/**
 * Unique indexes cover only documents that have every key: the engine unsets empty fields rather
 * than storing null, and without the filter all records lacking the field would collide on null.
 */
export function toDescription(spec: IndexSpec): IndexDescription {
  const description: IndexDescription = { name: physicalName(spec), key: { ...spec.keys } };
  if (spec.unique) {
    description.unique = true;
    description.partialFilterExpression = Object.fromEntries(Object.keys(spec.keys).map((key) => [key, { $exists: true }]));
  }
  return description;
}

/**
 * What to build and what to drop so that the collection holds exactly the declared indexes among
 * the platform's own. An index is the platform's when its name has the platform's form, or when
 * it bears exactly a declared name (indexes built before the names carried a fingerprint): those
 * are taken over, kept if they match their declaration, else replaced. Anything else stays.
 */
export function planIndexes(declared: readonly IndexSpec[], existing: readonly ExistingIndex[]): IndexPlan {
  const declaredNames = new Set(declared.map((spec) => spec.name));
  const ours = existing.filter((index) => declaredName(index.name) !== undefined || declaredNames.has(index.name));
  const create: IndexDescription[] = [];
  const kept = new Set<string>();
  for (const spec of declared) {
    const wanted = toDescription(spec);
    const match = ours.find((index) => (index.name === wanted.name || index.name === spec.name) && sameShape(index, wanted));
    if (match) kept.add(match.name);
    else create.push(wanted);
  }
  return { create, drop: ours.filter((index) => !kept.has(index.name)).map((index) => index.name) };
}

/** Key order matters (a compound index on a, b is not one on b, a), so keys compare as entries. */
function sameShape(existing: ExistingIndex, wanted: IndexDescription): boolean {
  const shape = (key: unknown, unique: unknown, partial: unknown): string =>
    JSON.stringify([Object.entries(isPlainObject(key) ? key : {}).map(([field, direction]) => [field, Number(direction)]), unique === true, partial ?? null]);
  return shape(existing.key, existing.unique, existing.partialFilterExpression) === shape(wanted.key, wanted.unique, wanted.partialFilterExpression);
}

/** listIndexes' key document as the port's sort spec. */
export function toSortSpec(key: unknown): SortSpec {
  const spec: SortSpec = {};
  if (!isPlainObject(key)) return spec;
  for (const [field, direction] of Object.entries(key)) spec[field] = Number(direction) < 0 ? -1 : 1;
  return spec;
}
