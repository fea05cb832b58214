import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { UiLanguage } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';

/** A tab as GET /api/v1/ui/apps gives it: an object's list or a page, labelled in the server's language. */
export type AppTab = { readonly object: string; readonly label: string; readonly icon?: string } | { readonly page: string; readonly label: string | null };

export interface UserApp {
  readonly name: string;
  readonly label: string;
  /** An Ant Design icon name from the app kind's fixed set. */
  readonly icon: string;
  readonly tabs: readonly AppTab[];
}

/** The signed-in user's apps, labelled in the language. */
export const appsQuery = (language: UiLanguage) =>
  queryOptions({ queryKey: ['ui', 'apps', language], queryFn: () => api<{ apps: readonly UserApp[] }>('/ui/apps', { query: { lang: language } }), staleTime: 60_000 });

export function useApps() {
  return useQuery(appsQuery(useLanguage()));
}
