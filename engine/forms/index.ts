export { compileForm } from './compile-form.js';
export { getForm, type FormRequest } from './get-form.js';
export { FORM_LANGUAGES, isFormLanguage, preferredLanguage, type FormLanguage } from './form-language.js';
export type {
  FieldUiOptions,
  FieldUiSchema,
  FormDefinition,
  FormRelatedList,
  FormRootUiOptions,
  FormSchema,
  FormSection,
  FormUiSchema,
  FormValues,
} from './form-definition.js';
