import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client';
import { approvalKeys, approvalPath, type ApprovalView } from './approval-model';

/** A record's approval (GET …/approval), shared by every part of the record page that shows it: one request, one cache entry. */
export function useApproval(object: string, id: string) {
  return useQuery({ queryKey: approvalKeys.record(object, id), queryFn: () => api<ApprovalView>(approvalPath(object, id)) });
}
