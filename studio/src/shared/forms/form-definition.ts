import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** What a form holds and submits: field values by API name. */
export type FormValues = Record<string, unknown>;

/** One layout section, as the server places it in the root's `ui:options.sections`. */
export interface FormSection {
  readonly title: string | null;
  readonly columns: 1 | 2;
  readonly collapsed: boolean;
  readonly fields: readonly string[];
}

/** A related list of the layout: the child object, its field pointing here, the columns to show. */
export interface FormRelatedList {
  readonly object: string;
  readonly field: string;
  readonly columns: readonly string[];
  readonly label: string;
}

/** GET /api/v1/forms/:object: the schema and uiSchema of the object's form for this user. */
export interface FormDefinition {
  readonly object: string;
  readonly layout: string | null;
  readonly language: string;
  readonly version?: number;
  readonly schema: RJSFSchema;
  readonly uiSchema: UiSchema<FormValues, RJSFSchema>;
  readonly relatedLists?: readonly FormRelatedList[];
}

export function formSections(form: FormDefinition): readonly FormSection[] {
  const options = form.uiSchema['ui:options'] as { sections?: readonly FormSection[] } | undefined;
  const properties = Object.keys(form.schema.properties ?? {});
  return options?.sections ?? [{ title: null, columns: 1, collapsed: false, fields: properties }];
}
