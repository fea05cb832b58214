export { compileForm } from './compile-form.js';
export { getForm, type FormRequest } from './get-form.js';
export { previewForm } from './preview-form.js';
export { LANGUAGES, isLanguage, preferredLanguage, type Language } from '../i18n/language.js';
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
