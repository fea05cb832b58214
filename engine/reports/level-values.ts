import type { OperationContext } from '../context/index.js';
import type { Language } from '../i18n/language.js';
import { localize } from '../i18n/language.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { ResolvedPath } from '../metadata/reports/report-field.js';
import type { ResolvedGrouping } from '../metadata/reports/report-parts.js';
import type { Calendar } from '../metadata/reports/within-filter.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { nameField } from '../records/search/name-field.js';
import { fieldAccess, recordAccess, userAccess, withAccess } from '../security/access/index.js';
import { bucketKey, bucketLabel } from './buckets.js';

/** The store field a path starts from: the field itself, or the lookup that leads to the parent. */
export function sourceField(path: ResolvedPath): string {
  return path.steps[0]!.field.name;
}

/**
 * What the store groups a level by: the value of its field, the id of the parent its path leads
 * through (mapped to the parent's value afterwards), or a date-time's day (the part of its UTC
 * instant before the T). A date groups by its own text, which is its day.
 */
export function storeExpression(level: ResolvedGrouping): unknown {
  const field = `$${sourceField(level.path)}`;
  return level.path.steps.length === 1 && level.path.field.type === 'datetime' ? { $substrBytes: [field, 0, 10] } : field;
}

/**
 * Maps the store's value of a level to the level's key: the parent's value for a path (null when
 * the reader may not see the parent), the bucket of a date. Built once per run: the parents are
 * read in one query per step of the path, under the reader's access.
 */
export type LevelMapper = (raw: unknown) => unknown;

export async function levelMapper(ctx: OperationContext, level: ResolvedGrouping, raws: ReadonlySet<unknown>, calendar: Calendar): Promise<LevelMapper> {
  const values = level.path.steps.length > 1 ? await parentValues(ctx, level.path, raws) : undefined;
  const value = (raw: unknown) => (raw === '' || raw === undefined ? null : values ? (values.get(raw as string) ?? null) : raw);
  const bucket = level.bucket;
  if (!bucket) return value;
  return (raw) => {
    const day = value(raw);
    return typeof day === 'string' ? bucketKey(day.slice(0, 10), bucket, calendar, level.agingDays) : null;
  };
}

/** Each parent id to the value at the end of the path, following it one query per step. */
export async function parentValues(ctx: OperationContext, path: ResolvedPath, ids: ReadonlySet<unknown>): Promise<Map<string, unknown>> {
  let current = new Map<string, unknown>([...ids].filter((id): id is string => typeof id === 'string').map((id) => [id, id]));
  for (const step of path.steps.slice(1)) {
    const wanted = new Set([...current.values()].filter((id): id is string => typeof id === 'string'));
    const found = await readField(ctx, step.object, step.field.name, wanted);
    current = new Map([...current].map(([start, id]) => [start, typeof id === 'string' ? (found.get(id) ?? null) : null]));
  }
  return current;
}

async function readField(ctx: OperationContext, object: CompiledObject, field: string, ids: ReadonlySet<string>): Promise<Map<string, unknown>> {
  if (ids.size === 0) return new Map();
  const access = await recordAccess(ctx, object, 'read');
  const records = await ctx.tenant.store.collection(object.collection).find(alive(withAccess({ _id: { $in: [...ids] } }, access)), { projection: { _id: 1, [field]: 1 } });
  return new Map(records.map((record) => [record._id, (record as Record<string, unknown>)[field] ?? null]));
}

/** How each key of a level is shown to the reader: picklist labels, parents' names, yes and no, buckets in words. */
export async function levelLabels(ctx: OperationContext, level: ResolvedGrouping, keys: ReadonlySet<unknown>): Promise<Map<unknown, string>> {
  const language = ctx.language;
  const labels = new Map<unknown, string>();
  const field = level.path.field;
  const names = field.target ? await recordNames(ctx, field.target, keys) : undefined;
  for (const key of keys) labels.set(key, labelOf(key, level, language, names));
  return labels;
}

const EMPTY = { en: '(empty)', 'zh-CN': '（空）' } as const;
const YES = { en: 'Yes', 'zh-CN': '是' } as const;
const NO = { en: 'No', 'zh-CN': '否' } as const;

function labelOf(key: unknown, level: ResolvedGrouping, language: Language, names: ReadonlyMap<string, string> | undefined): string {
  if (key === null || key === undefined) return localize(EMPTY, language);
  if (level.bucket) return bucketLabel(key as string | number, level.bucket, level.agingDays, language);
  const field = level.path.field.field;
  if (field?.type === 'picklist') return localize(field.values.find((entry) => entry.value === key)?.label, language, String(key)) ?? String(key);
  if (typeof key === 'boolean') return localize(key ? YES : NO, language);
  if (names) return names.get(key as string) ?? String(key);
  return String(key);
}

/** The names of records the reader may see, by id; others keep their id. */
export async function recordNames(ctx: OperationContext, objectName: string, ids: ReadonlySet<unknown>): Promise<Map<string, string>> {
  const object = ctx.snapshot.object(objectName);
  const wanted = new Set([...ids].filter((id): id is string => typeof id === 'string'));
  if (!object || wanted.size === 0) return new Map();
  // Parents of an object the reader may not read at all keep their ids (a user's name, for one).
  const named = userAccess(ctx.snapshot, ctx.principal).object(object.name).read ? nameField(object, fieldAccess(ctx, object).hidden) : undefined;
  if (!named) return new Map();
  const values = await readField(ctx, object, named.name, wanted);
  return new Map([...values].map(([id, name]) => [id, typeof name === 'string' ? name : id]));
}
