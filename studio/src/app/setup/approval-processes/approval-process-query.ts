import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { LocalizedText } from '../../../shared/i18n/localize';
import type { MachineConfigJson } from './process-graph';
import { ifMatch } from '../use-opened-etag';
import type { ApprovalStepMetadata } from './step-draft';

/**
 * An approval process as /meta/approval-processes answers it, with the properties this designer
 * edits named; the rest (submitters, lock, actions) is kept as it came and sent back unchanged.
 */
export interface ApprovalProcessDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly object: string;
  readonly active?: boolean;
  readonly entryCriteria?: string;
  readonly steps: readonly ApprovalStepMetadata[];
  readonly [other: string]: unknown;
}

export const approvalProcessesQuery = queryOptions({
  queryKey: ['meta', 'approval-processes'],
  queryFn: () => api<{ approvalProcesses: ApprovalProcessDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/approval-processes'),
});

export const approvalProcessQuery = (name: string) =>
  queryOptions({
    queryKey: ['meta', 'approval-processes', name],
    queryFn: () => api<{ definition: ApprovalProcessDefinition; etag?: string }>(`/meta/approval-processes/${encodeURIComponent(name)}`),
  });

/** The compiled machine the diagram draws: it changes with the definition, so it is keyed under it. */
export const approvalMachineQuery = (name: string) =>
  queryOptions({
    queryKey: ['meta', 'approval-processes', name, 'machine'],
    queryFn: () => api<{ machine: MachineConfigJson }>(`/meta/approval-processes/${encodeURIComponent(name)}/machine`),
  });

export interface ProcessVersionList {
  readonly process: string;
  readonly versions: readonly { readonly version: number; readonly createdAt: string; readonly current: boolean; readonly running: number }[];
  readonly currentStored: boolean;
  readonly running: number;
}

/** Each version that ran, with the records waiting in it: they change as records move, so they are refetched on focus. */
export const approvalVersionsQuery = (name: string) =>
  queryOptions({
    queryKey: ['meta', 'approval-processes', name, 'versions'],
    queryFn: () => api<ProcessVersionList>(`/meta/approval-processes/${encodeURIComponent(name)}/versions`),
  });

/** Saves a whole definition: POST for a new process, PUT for one that exists (conditional on its ETag as read, when given). */
export function saveApprovalProcess(definition: ApprovalProcessDefinition, existing: string | undefined, etag?: string): Promise<unknown> {
  return existing === undefined
    ? api('/meta/approval-processes', { method: 'POST', body: definition })
    : api(`/meta/approval-processes/${encodeURIComponent(existing)}`, { method: 'PUT', body: definition, headers: ifMatch(etag) });
}
