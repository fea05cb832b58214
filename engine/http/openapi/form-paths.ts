import {
  LANGUAGES,
  type FieldUiOptions,
  type FieldUiSchema,
  type FormDefinition,
  type FormRelatedList,
  type FormSchema,
  type FormSection,
} from '../../forms/index.js';
import { json, responseRef, schemaRef } from './common-components.js';
import { kindOf } from '../../metadata/kinds/index.js';
import type { OpenApiFragment, SchemaObject } from './openapi-types.js';

const TAG = 'Forms';

/** Keyed by the form types, so a property added there without its schema here is a compile error. */
type PropertiesOf<T> = { [K in keyof Required<T>]: SchemaObject };

const formDefinition: PropertiesOf<FormDefinition> = {
  object: { type: 'string' },
  layout: { type: ['string', 'null'], description: 'The layout the form comes from; null for the default form of an object without layouts.' },
  language: { type: 'string', enum: [...LANGUAGES] },
  version: { type: 'integer', description: 'The metadata version the form was compiled from.' },
  schema: schemaRef('FormSchema'),
  uiSchema: schemaRef('FormUiSchema'),
  relatedLists: { type: 'array', items: schemaRef('FormRelatedList') },
};

const formSchema: PropertiesOf<FormSchema> = {
  type: { const: 'object' },
  title: { type: 'string' },
  additionalProperties: { const: false },
  properties: { type: 'object', additionalProperties: { type: 'object', description: 'The JSON Schema of one field.' } },
  required: { type: 'array', items: { type: 'string' } },
};

const formSection: PropertiesOf<FormSection> = {
  title: { type: ['string', 'null'], description: 'In the language; null when the layout gives the section no title.' },
  columns: { enum: [1, 2] },
  collapsed: { type: 'boolean', description: 'Shown folded until the user opens it.' },
  fields: { type: 'array', items: { type: 'string' }, description: 'Field names in reading order; together the sections hold every field once.' },
};

const fieldUiOptions: PropertiesOf<FieldUiOptions> = {
  currency: { type: ['string', 'null'], description: "Currency: the ISO 4217 code; null means the tenant's corporate currency." },
  step: { type: 'number', description: "Numbers: the smallest step the field's scale keeps (a hint: the server rounds)." },
  target: { type: 'string', description: 'Lookups: the object whose records the widget searches.' },
  json: { type: 'boolean', description: 'JSON fields: edited as JSON text.' },
  controllingField: { type: 'string', description: "Dependent picklists: the field whose value narrows this one's choices." },
  dependencies: {
    type: 'object',
    description: 'Dependent picklists: the values allowed with each value of the controlling field (`true` and `false` for a boolean).',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  },
};

const fieldUiSchema: PropertiesOf<FieldUiSchema> = {
  'ui:widget': { type: 'string', examples: ['textarea', 'date', 'datetime', 'checkbox', 'select', 'checkboxes', 'email', 'uri', 'lookup', 'text'] },
  'ui:field': { type: 'string', examples: ['json'] },
  'ui:readonly': { type: 'boolean' },
  'ui:inputType': { type: 'string', examples: ['tel'] },
  'ui:enumNames': { type: 'array', items: { type: 'string' }, description: "Labels of the schema's `enum` values, in the same order, in the language." },
  'ui:options': { type: 'object', additionalProperties: false, properties: fieldUiOptions },
};

const formRelatedList: PropertiesOf<FormRelatedList> = {
  object: { type: 'string', description: 'The child object.' },
  field: { type: 'string', description: "The child's field pointing at this object." },
  columns: { type: 'array', items: { type: 'string' } },
  label: { type: 'string', description: 'In the language.' },
};

/** The shapes of engine/forms/form-definition.ts, which says what each one is for. */
const SCHEMAS: Record<string, SchemaObject> = {
  FormDefinition: {
    type: 'object',
    description: 'Everything a client needs to render one data-entry form with react-jsonschema-form.',
    required: ['object', 'layout', 'language', 'version', 'schema', 'uiSchema', 'relatedLists'],
    additionalProperties: false,
    properties: formDefinition,
  },
  FormSchema: {
    type: 'object',
    description:
      "The form's JSON Schema (2020-12): per field the value rules of the server's create schema, titled in the language, with its help text, " +
      "default and `readOnly` (computed fields, the layout's read-only overrides); `required` holds the object's required fields and the layout's overrides.",
    required: ['type', 'title', 'additionalProperties', 'properties'],
    additionalProperties: false,
    properties: formSchema,
  },
  FormUiSchema: {
    type: 'object',
    description: 'The uiSchema: field order, the sections in the root `ui:options`, and one entry per field that needs a widget or options.',
    required: ['ui:order', 'ui:options'],
    properties: {
      'ui:order': { type: 'array', items: { type: 'string' } },
      'ui:options': {
        type: 'object',
        required: ['sections'],
        additionalProperties: false,
        properties: { sections: { type: 'array', items: schemaRef('FormSection') } },
      },
    },
    additionalProperties: schemaRef('FieldUiSchema'),
  },
  FormSection: {
    type: 'object',
    description: 'rjsf has no sections: a custom ObjectFieldTemplate places each field into its section.',
    required: ['title', 'columns', 'collapsed', 'fields'],
    additionalProperties: false,
    properties: formSection,
  },
  FieldUiSchema: {
    type: 'object',
    description: 'How one field is edited. `lookup` (widget) and `json` (field) are provided by the studio; the rest are built into rjsf.',
    additionalProperties: false,
    properties: fieldUiSchema,
  },
  FormRelatedList: {
    type: 'object',
    required: ['object', 'field', 'columns', 'label'],
    additionalProperties: false,
    properties: formRelatedList,
  },
};

/** /api/v1/forms: the generated data-entry form of an object. */
export function formPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'Data-entry forms generated from objects and their layouts, for react-jsonschema-form.' }],
    schemas: SCHEMAS,
    paths: {
      '/api/v1/forms/{object}': {
        get: {
          operationId: 'forms.get',
          summary: "The form of an object, in one layout and language",
          description: 'Compiled once per metadata version, layout and language.',
          tags: [TAG],
          parameters: [
            { name: 'object', in: 'path', required: true, description: 'The API name of the object.', schema: schemaRef('ApiName') },
            {
              name: 'layout',
              in: 'query',
              description: "A layout of the object by name; without one, the object's default layout (the `isDefault` one, else the first by name), or every field in one section if it has none.",
              schema: schemaRef('ApiName'),
            },
            { name: 'lang', in: 'query', description: 'The language of labels and messages; wins over Accept-Language.', schema: { type: 'string', enum: [...LANGUAGES] } },
            {
              name: 'Accept-Language',
              in: 'header',
              description: 'Used when `lang` is absent: the supported language it prefers (zh-TW, zh-HK, zh-MO and zh-Hant tags give zh-TW, other `zh` tags zh-CN), else English.',
              schema: { type: 'string' },
              example: 'zh-CN,zh;q=0.9,en;q=0.8',
            },
          ],
          responses: {
            '200': {
              description: 'The form.',
              headers: { 'Content-Language': { description: 'The language of the form.', schema: { type: 'string', enum: [...LANGUAGES] } } },
              content: json(schemaRef('FormDefinition')),
            },
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
          },
        },
      },
      '/api/v1/forms/{object}/preview': {
        post: {
          operationId: 'forms.preview',
          summary: 'The form an unsaved layout would give',
          description:
            'Checks the layout in the body as `POST /api/v1/meta/layouts` would and compiles it as a saved layout, without saving it: the layout editor\'s live preview. Needs the right to manage metadata; fields the caller may not read are left out as in `GET`.',
          tags: [TAG],
          parameters: [
            { name: 'object', in: 'path', required: true, description: 'The API name of the object; the layout must be one of it.', schema: schemaRef('ApiName') },
            { name: 'lang', in: 'query', description: 'The language of labels and messages; wins over Accept-Language.', schema: { type: 'string', enum: [...LANGUAGES] } },
          ],
          requestBody: { required: true, description: 'A layout definition, as for `POST /api/v1/meta/layouts`.', content: json(schemaRef(kindOf('layout').schema.title)) },
          responses: {
            '200': {
              description: 'The form.',
              headers: { 'Content-Language': { description: 'The language of the form.', schema: { type: 'string', enum: [...LANGUAGES] } } },
              content: json(schemaRef('FormDefinition')),
            },
            '400': responseRef('BadRequest'),
            '403': responseRef('Forbidden'),
            '404': responseRef('NotFound'),
          },
        },
      },
    },
  };
}
