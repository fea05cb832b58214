import { localize, type LocalizedText } from '../../shared/i18n/localize';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { FieldDefinition, ObjectDefinition } from '../../shared/metadata/object-definition';

/** A cell of the file, as the server gives it back (text from a CSV; number, boolean or text from a workbook). */
export type Cell = string | number | boolean | null;

export type ImportMode = 'insert' | 'update' | 'upsert';
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

export interface ColumnMapping {
  readonly column: string;
  readonly field: string;
  readonly match?: string;
}

export interface ImportSettings {
  readonly mapping: readonly ColumnMapping[];
  readonly mode: ImportMode;
  readonly externalId?: string;
  readonly dateOrder: DateOrder;
  readonly decimalSeparator: '.' | ',';
}

export type ImportStatus = 'uploaded' | 'checking' | 'checked' | 'running' | 'done' | 'cancelled' | 'failed';

/** GET /api/v1/imports/:id, as the wizard reads it. */
export interface ImportView {
  readonly id: string;
  readonly object: string;
  readonly fileName: string;
  readonly headers: readonly string[];
  readonly total: number;
  readonly status: ImportStatus;
  readonly phase: 'check' | 'run' | null;
  readonly progress: { readonly done: number; readonly created: number; readonly updated: number; readonly failed: number; readonly skipped: number; readonly rate: number };
  readonly lastError: string | null;
}

/** The upload's answer: the import, its first rows and the mapping the server proposes. */
export interface UploadedImport extends ImportView {
  readonly preview: readonly (readonly Cell[])[];
  readonly suggested: readonly ColumnMapping[];
  readonly saved: Omit<ImportSettings, 'mapping'> | null;
}

export interface Problem {
  readonly row: number;
  readonly column: string | null;
  readonly value: Cell;
  readonly message: string;
}

/** A dry run or a run still going: the wizard polls its progress. */
export function isActive(status: ImportStatus): boolean {
  return status === 'checking' || status === 'running';
}

/** Done in percent, whole; 100 only once the phase ended. */
export function percentDone(view: Pick<ImportView, 'status' | 'total' | 'progress'>): number {
  if (!isActive(view.status) && view.status !== 'cancelled' && view.status !== 'failed') return 100;
  if (view.total === 0) return 0;
  return Math.min(99, Math.floor((view.progress.done / view.total) * 100));
}

/** Field types an import fills (the platform computes the rest). */
const IMPORTABLE = new Set(['text', 'longtext', 'richtext', 'email', 'phone', 'url', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean', 'picklist', 'multipicklist', 'lookup', 'masterdetail', 'json']);
/** Types whose values name a record in another system (the server's external-id rule). */
const EXTERNAL_ID_TYPES = new Set(['text', 'number', 'email', 'phone', 'url']);

/** The fields a column may fill: importable types the user may edit, by label in the user's language. */
export function fieldOptions(object: ObjectDefinition, editable: ReadonlySet<string>, language: UiLanguage): { value: string; label: string }[] {
  return object.fields
    .filter((field) => IMPORTABLE.has(field.type) && editable.has(field.name))
    .map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }));
}

/** The object's external-id fields, which an upsert matches records by. */
export function externalIdFields(object: ObjectDefinition): FieldDefinition[] {
  return object.fields.filter((field) => field.externalId === true && EXTERNAL_ID_TYPES.has(field.type));
}

/** How a lookup column may name its parent: its name, its id, or one of the parent object's external ids. */
export function matchOptions(field: FieldDefinition | undefined, objects: readonly ObjectDefinition[], language: UiLanguage, labels: { name: string; id: string }): { value: string; label: string }[] {
  if (!field || (field.type !== 'lookup' && field.type !== 'masterdetail')) return [];
  const target = objects.find((object) => object.name === field.target);
  return [
    { value: 'name', label: labels.name },
    { value: '_id', label: labels.id },
    ...(target ? externalIdFields(target).map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) })) : []),
  ];
}

/** One column of the mapping step: the header, a sample of its cells, the field it fills (none: left out). */
export interface MappingRow {
  readonly column: string;
  readonly index: number;
  readonly samples: readonly string[];
  readonly field?: string;
  readonly match?: string;
}

/** The mapping step's rows: every column of the file, with the server's suggestion where it has one. */
export function mappingRows(headers: readonly string[], preview: readonly (readonly Cell[])[], suggested: readonly ColumnMapping[]): MappingRow[] {
  return headers.map((column, index) => {
    const chosen = suggested.find((entry) => entry.column === column);
    const samples = preview
      .map((row) => row[index])
      .filter((cell): cell is string | number | boolean => cell !== null && cell !== undefined && cell !== '')
      .slice(0, 3)
      .map(String);
    return { column, index, samples, ...(chosen ? { field: chosen.field, ...(chosen.match ? { match: chosen.match } : {}) } : {}) };
  });
}

/** A row with another field (or none); a lookup's match is kept only while the field stays the same. */
export function withField(row: MappingRow, field: string | undefined): MappingRow {
  const { field: _field, match: _match, ...rest } = row;
  return { ...rest, ...(field ? { field } : {}) };
}

/** The settings a dry run or a run sends: the columns mapped to a field, in file order. */
export function settingsOf(rows: readonly MappingRow[], options: Omit<ImportSettings, 'mapping'>): ImportSettings {
  const mapping = rows.filter((row) => row.field).map((row) => ({ column: row.column, field: row.field!, ...(row.match && row.match !== 'name' ? { match: row.match } : {}) }));
  return { mapping, mode: options.mode, ...(options.mode !== 'insert' && options.externalId ? { externalId: options.externalId } : {}), dateOrder: options.dateOrder, decimalSeparator: options.decimalSeparator };
}

/** The fields more than one column fills: the server refuses them, the wizard says so first. */
export function repeatedFields(rows: readonly MappingRow[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const row of rows) {
    if (!row.field) continue;
    if (seen.has(row.field)) repeated.add(row.field);
    seen.add(row.field);
  }
  return [...repeated];
}

/**
 * The settings the wizard starts with: what the user chose last time for the object, else insert,
 * month-first dates (2017/3/1 and ISO dates read whatever the order) and a decimal point.
 */
export function initialOptions(saved: UploadedImport['saved']): Omit<ImportSettings, 'mapping'> {
  return saved ?? { mode: 'insert', dateOrder: 'MDY', decimalSeparator: '.' };
}

/**
 * The error file's address: the failed rows in the file's own columns and an errors column, its
 * messages in the server's language for the user (a link sends no Accept-Language of the app's).
 */
export function errorFileHref(id: string, format: 'csv' | 'xlsx', serverLanguage: string): string {
  return `/api/v1/imports/${encodeURIComponent(id)}/error-file?format=${format}&lang=${encodeURIComponent(serverLanguage)}`;
}

export type { LocalizedText };

/**
 * The fields the user may fill by import: importable types the user's form does not mark
 * read-only (the server marks fields the user may not edit); a field left off the form is offered
 * too, and the server refuses it (403 naming the column) if the user may not edit it after all.
 */
export function importableFields(form: { schema: { properties?: Record<string, unknown> }; uiSchema: Record<string, unknown> } | undefined, fields: readonly FieldDefinition[]): ReadonlySet<string> {
  const properties = form?.schema.properties ?? {};
  return new Set(
    fields
      .filter((field) => IMPORTABLE.has(field.type))
      .filter((field) => {
        const property = properties[field.name] as { readOnly?: boolean } | undefined;
        const ui = form?.uiSchema[field.name] as Record<string, unknown> | undefined;
        return property?.readOnly !== true && ui?.['ui:readonly'] !== true;
      })
      .map((field) => field.name),
  );
}

/** The server's problems with the settings, each said of its column where its path names one (`/mapping/2/field`). */
export function settingsProblems(details: readonly { path: string; message: string }[], mapping: readonly ColumnMapping[]): string[] {
  return details.map((detail) => {
    const index = /^\/mapping\/(\d+)/.exec(detail.path)?.[1];
    const column = index === undefined ? undefined : mapping[Number(index)]?.column;
    return column ? `${column}: ${detail.message}` : detail.message;
  });
}
