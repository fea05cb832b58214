import { useQuery } from '@tanstack/react-query';
import { approvalQuery } from '../record/record-queries';

/** A record's approval (GET …/approval), shared by every part of the record page that shows it: one request, one cache entry. */
export function useApproval(object: string, id: string) {
  return useQuery(approvalQuery(object, id));
}
