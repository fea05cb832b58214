import { queryOptions } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { LocalizedText } from '../../shared/i18n/localize';
import { expandableLookups, type ObjectDefinition } from '../../shared/metadata/object-definition';
import type { RecordLike } from '../../shared/metadata/record-value';
import { approvalKeys, approvalPath, type ApprovalView } from '../approvals/approval-model';
import type { RecordPermissions } from './use-record-permissions';

/**
 * The record page's requests, in one place so that the route's loader starts them while the
 * page's code loads and the page's panels then find them in the cache. What the loader fetched is
 * fresh for a few seconds: the panels mounting a moment later do not ask again.
 */
const FRESH_MS = 5_000;
const recordPath = (object: string, id: string) => `/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`;

/** The record with its lookups' names (`expand`): which fields those are, the objects tell. */
export const recordQuery = (object: string, id: string, definitions: () => Promise<{ object: ObjectDefinition; objects: readonly ObjectDefinition[] }>) =>
  queryOptions({
    queryKey: ['record', object, id, 'expanded'],
    queryFn: async () => {
      const { object: definition, objects } = await definitions();
      const lookups = expandableLookups(definition.fields, objects);
      return api<RecordLike>(`/records/${object}/${encodeURIComponent(id)}`, { query: { expand: lookups.length > 0 ? lookups.join(',') : undefined } });
    },
    staleTime: FRESH_MS,
  });

/** What the server would allow on the record; under the record's key, so a save or transfer refreshes it too. */
export const permissionsQuery = (object: string, id: string, language: UiLanguage) =>
  queryOptions({ queryKey: ['record', object, id, 'permissions', language], queryFn: () => api<RecordPermissions>(`${recordPath(object, id)}/permissions`), staleTime: FRESH_MS });

/** One entry of GET /records/:object/:id/history. */
export interface HistoryEntry {
  readonly _id: string;
  readonly action: 'created' | 'updated' | 'deleted' | 'restored';
  readonly field?: string;
  readonly old?: unknown;
  readonly new?: unknown;
  readonly by: string;
  readonly at: string;
}

export const historyQuery = (object: string, id: string) =>
  queryOptions({ queryKey: ['record', object, id, 'history'], queryFn: () => api<{ entries: HistoryEntry[] }>(`${recordPath(object, id)}/history`, { query: { limit: 50 } }), staleTime: FRESH_MS });

export interface Attachment {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly createdAt: string;
}

export interface AttachmentList {
  readonly files: readonly Attachment[];
  readonly maxBytes: number;
}

export const filesPath = (object: string, id: string) => `${recordPath(object, id)}/files`;
export const filesQuery = (object: string, id: string) => queryOptions({ queryKey: ['files', object, id], queryFn: () => api<AttachmentList>(filesPath(object, id)), staleTime: FRESH_MS });

export interface ManualShare {
  readonly id: string;
  /** `u:<user id>`, `r:<role>`, `rs:<role>` or `g:<group>`. */
  readonly to: string;
  readonly access: 'read' | 'edit';
}

export const sharesPath = (object: string, id: string) => `${recordPath(object, id)}/shares`;
export const sharesQuery = (object: string, id: string) =>
  queryOptions({ queryKey: ['record', object, id, 'shares'], queryFn: () => api<{ shares: ManualShare[] }>(sharesPath(object, id)), retry: false, staleTime: FRESH_MS });

/** A role or group as GET /meta/roles and /meta/groups list them (to share with). */
export interface Definition {
  readonly name: string;
  readonly label?: LocalizedText;
}

/** The roles and groups the user may know of; none when the server lists none to them. */
export const definitionsQuery = (kind: 'roles' | 'groups') =>
  queryOptions({ queryKey: ['meta', kind], staleTime: 60_000, retry: false, queryFn: () => api<Record<string, Definition[]>>(`/meta/${kind}`).then((body) => body[kind] ?? []) });

/**
 * A record's approval; keyed by the language too, as its process and step labels and its lock's
 * reason come in the request's language (fetched before the user's saved language was known, an
 * English answer would otherwise stay on a Chinese page).
 */
export const approvalQuery = (object: string, id: string, language: UiLanguage) =>
  queryOptions({ queryKey: [...approvalKeys.record(object, id), language], queryFn: () => api<ApprovalView>(approvalPath(object, id)), staleTime: FRESH_MS });
