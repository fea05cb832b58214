import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { ReportDefinition } from './report-draft';

/** The tenant's reports with each one's ETag, for the list and the builder. */
export const reportsQuery = queryOptions({
  queryKey: ['meta', 'reports'],
  queryFn: () => api<{ reports: ReportDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/reports'),
});
