import type { OperationContext } from '../../context/index.js';
import type { Collections, Doc } from '../../store/port.js';
import { comparable, type SavedColumns } from './column-mapping.js';
import type { ImportSettings } from './import-doc.js';

/** Each user's last mapping per object: the next file with the same headers is mapped the same way. */
export const IMPORT_MAPPINGS = 'import_mappings';

interface SavedMappingDoc extends Doc {
  user: string;
  object: string;
  columns: SavedColumns;
  settings: Omit<ImportSettings, 'mapping'>;
  savedAt: string;
}

const idOf = (user: string, object: string) => `${user}:${object}`;

export interface SavedMapping {
  readonly columns: SavedColumns;
  readonly settings?: Omit<ImportSettings, 'mapping'>;
}

export async function savedMapping(ctx: OperationContext, object: string): Promise<SavedMapping> {
  const doc = await ctx.tenant.store.collection<SavedMappingDoc>(IMPORT_MAPPINGS).findOne({ _id: idOf(ctx.principal.userId, object) });
  return doc ? { columns: doc.columns, settings: doc.settings } : { columns: {} };
}

/** Remembers the mapping of a dry run or a run, merged into what the user saved for the object before (other files' columns stay). */
export async function saveMapping(tx: Collections, ctx: OperationContext, object: string, settings: ImportSettings): Promise<void> {
  const mappings = tx.collection<SavedMappingDoc>(IMPORT_MAPPINGS);
  const _id = idOf(ctx.principal.userId, object);
  const before = await mappings.findOne({ _id });
  const columns: Record<string, { field: string; match?: string }> = { ...before?.columns };
  for (const entry of settings.mapping) columns[comparable(entry.column)] = { field: entry.field, ...(entry.match === undefined ? {} : { match: entry.match }) };
  const { mapping: _mapping, ...rest } = settings;
  const doc: SavedMappingDoc = { _id, user: ctx.principal.userId, object, columns, settings: rest, savedAt: new Date().toISOString() };
  if (before) await mappings.replaceOne({ _id }, doc);
  else await mappings.insertOne(doc);
}
