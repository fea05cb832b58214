import { useQuery } from '@tanstack/react-query';
import { useLanguage } from '../../shared/i18n/use-language';
import { approvalQuery } from '../record/record-queries';

/** A record's approval (GET …/approval), shared by every part of the record page that shows it: one request, one cache entry. */
export function useApproval(object: string, id: string) {
  const language = useLanguage();
  return useQuery(approvalQuery(object, id, language));
}
