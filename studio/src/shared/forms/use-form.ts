import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { UiLanguage } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';
import type { FormDefinition } from './form-definition';

/**
 * The generated form of an object for this user in a language, titles, help texts, choices and
 * sections in it (the server converts for 繁中); the pages' loaders ask for it before the page renders.
 */
export const formQuery = (object: string, language: UiLanguage) =>
  queryOptions({
    queryKey: ['form', object, language],
    queryFn: () => api<FormDefinition>(`/forms/${encodeURIComponent(object)}`, { query: { lang: language } }),
    staleTime: 60_000,
  });

/** The generated form of an object for this user, in the UI's language. */
export function useForm(object: string) {
  return useQuery(formQuery(object, useLanguage()));
}
