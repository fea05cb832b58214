import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { LayoutDefinition } from './layout-draft';

/** Every layout, as administrators read them (the roles they are assigned to included). */
export const layoutsQuery = queryOptions({ queryKey: ['meta', 'layouts'], queryFn: () => api<{ layouts: LayoutDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/layouts') });
