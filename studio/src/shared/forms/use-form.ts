import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { serverLanguageOf, type UiLanguage } from '../i18n/languages';
import { toTraditional } from '../i18n/traditional';
import { useLanguage } from '../i18n/use-language';
import type { FormDefinition, FormSection, FormValues } from './form-definition';

/** The generated form of an object for this user in a language (the pages' loaders ask for it before the page renders). */
export const formQuery = (object: string, language: UiLanguage) =>
  queryOptions({
    queryKey: ['form', object, language],
    queryFn: async () => inLanguage(await api<FormDefinition>(`/forms/${encodeURIComponent(object)}`, { query: { lang: serverLanguageOf(language) } }), language),
    staleTime: 60_000,
  });

/** The generated form of an object for this user, in the UI's language. */
export function useForm(object: string) {
  return useQuery(formQuery(object, useLanguage()));
}

/** The server writes zh-CN; for 繁中 every title, help text, choice label and section title is converted. */
function inLanguage(form: FormDefinition, language: UiLanguage): FormDefinition {
  if (language !== 'zh-TW') return form;
  const properties = Object.fromEntries(
    Object.entries(form.schema.properties ?? {}).map(([name, property]) => [name, typeof property === 'object' ? convertTexts(property) : property]),
  );
  const uiSchema: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form.uiSchema)) {
    if (key === 'ui:options') {
      const options = value as { sections?: FormSection[] };
      uiSchema[key] = { ...options, sections: options.sections?.map((section) => ({ ...section, title: section.title === null ? null : toTraditional(section.title) })) };
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const field = value as Record<string, unknown>;
      uiSchema[key] = Array.isArray(field['ui:enumNames']) ? { ...field, 'ui:enumNames': (field['ui:enumNames'] as string[]).map(toTraditional) } : field;
    } else uiSchema[key] = value;
  }
  return { ...form, schema: { ...convertTexts(form.schema), properties }, uiSchema: uiSchema as UiSchema<FormValues, RJSFSchema> };
}

function convertTexts(schema: RJSFSchema): RJSFSchema {
  return {
    ...schema,
    ...(typeof schema.title === 'string' ? { title: toTraditional(schema.title) } : {}),
    ...(typeof schema.description === 'string' ? { description: toTraditional(schema.description) } : {}),
  };
}
