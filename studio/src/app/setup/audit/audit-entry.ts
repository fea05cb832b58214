import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import { auditQuery, type AuditFilters } from './audit-filters';
import { METADATA_KINDS as KINDS, type MetadataKind } from '../../../shared/metadata/metadata-kinds';

/** One entry as GET /api/v1/audit answers it (engine/audit/audit-log.ts). */
export interface AuditEntry {
  readonly _id: string;
  readonly at: string;
  /** A user id, or `system`. */
  readonly actor: string;
  readonly action: string;
  /** The object of a record change, or `kind:name` of a definition for a metadata change. */
  readonly object?: string;
  readonly record?: string;
  readonly changes?: Readonly<Record<string, { readonly old: unknown; readonly new: unknown }>>;
  readonly version?: number;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly next: string | null;
}

/** Entries per page: enough to scan a day's changes, small enough to read the values of each. */
export const AUDIT_PAGE_SIZE = 50;

export function auditPageQuery(filters: AuditFilters, before: string | null) {
  return queryOptions({
    queryKey: ['setup', 'audit', filters, before],
    queryFn: () => api<AuditPage>(`/audit?${auditQuery(filters, before, AUDIT_PAGE_SIZE).toString()}`),
  });
}

/** What an entry is about: a record of an object, a definition (metadata change), or neither (sign-ins). */
export type AuditSubject =
  | { readonly type: 'record'; readonly object: string }
  | { readonly type: 'definition'; readonly kind: string; readonly name: string }
  | { readonly type: 'none' };

export function subjectOf(entry: Pick<AuditEntry, 'object' | 'action'>): AuditSubject {
  const object = entry.object;
  if (!object) return { type: 'none' };
  const colon = object.indexOf(':');
  if (entry.action.startsWith('metadata.') && colon > 0) return { type: 'definition', kind: object.slice(0, colon), name: object.slice(colon + 1) };
  return { type: 'record', object };
}

/** The actions the filter offers; the log holds others too (sign-ins, approvals), which show as written. */
export const RECORD_ACTIONS = ['record.create', 'record.update', 'record.delete', 'record.restore', 'record.purge', 'record.share', 'record.unshare', 'record.transfer', 'record.export'] as const;
export const METADATA_VERBS = ['create', 'update', 'delete'] as const;
/** The kinds of definitions the log names, as the engine names them: a field's changes are named apart from its object's. */
export const METADATA_KINDS: readonly (MetadataKind | 'field')[] = KINDS.flatMap((entry): (MetadataKind | 'field')[] => (entry.kind === 'object' ? ['object', 'field'] : [entry.kind]));

/** An action read as its parts: `metadata.permissionSet.update` is an update of a permission set. */
export function actionParts(action: string): { area: 'record' | 'metadata' | 'auth' | 'other'; kind?: string; verb: string } {
  const parts = action.split('.');
  if ((parts[0] === 'record' || parts[0] === 'auth') && parts.length === 2) return { area: parts[0], verb: parts[1]! };
  if (parts[0] === 'metadata' && parts.length === 3) return { area: 'metadata', kind: parts[1]!, verb: parts[2]! };
  return { area: 'other', verb: action };
}

/** A value of a change as one line of text: absent values show as empty, structures as JSON. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The changed fields of an entry, in the order the entry lists them. */
export function changedFields(entry: Pick<AuditEntry, 'changes'>): { field: string; old: string; new: string }[] {
  return Object.entries(entry.changes ?? {}).map(([field, change]) => ({ field, old: shownValue(change.old), new: shownValue(change.new) }));
}

/** A `datetime-local` box's value (the user's local time) as the ISO instant the API filters by, and back. */
export function localToIso(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

export function isoToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}
