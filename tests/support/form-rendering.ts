import Form from '@rjsf/core';
import type { FieldProps, ObjectFieldTemplateProps, RJSFSchema, UiSchema, ValidatorType, WidgetProps } from '@rjsf/utils';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { FormDefinition, FormSection, FormValues } from '../../engine/forms/index.js';

/*
 * Stand-ins for what the studio provides: the sectioned object template, the lookup widget and the
 * JSON field. Each is the least that shows the generated uiSchema is enough to build them.
 */

/** Places each rendered property into its layout section, read from the root's `ui:options.sections`. */
function SectionedObjectTemplate(props: ObjectFieldTemplateProps<FormValues, RJSFSchema>): ReactElement {
  const sections = (props.uiSchema?.['ui:options'] as { sections?: FormSection[] } | undefined)?.sections;
  if (!sections) return createElement('div', null, ...props.properties.map((property) => property.content));
  const byName = new Map(props.properties.map((property) => [property.name, property.content]));
  return createElement(
    'div',
    { className: 'form-sections' },
    ...sections.map((section, index) =>
      createElement(
        'fieldset',
        { key: index, className: `form-section columns-${section.columns}`, 'data-section': index, 'data-collapsed': String(section.collapsed) },
        section.title ? createElement('legend', null, section.title) : null,
        ...section.fields.map((name) => byName.get(name) ?? null),
      ),
    ),
  );
}

/** A search box over the target's records; here a plain input that names its target. */
function LookupWidget(props: WidgetProps<FormValues, RJSFSchema>): ReactElement {
  return createElement('input', {
    id: props.id,
    name: props.id,
    type: 'search',
    className: 'lookup',
    'data-target': String(props.options.target),
    readOnly: props.readonly,
    defaultValue: typeof props.value === 'string' ? props.value : '',
  });
}

/**
 * An object or array edited as JSON text. rjsf gives a custom field no label, so it draws its own.
 * rjsf types every registered field with the whole form's data type; this one's value is any JSON.
 */
function JsonField(props: FieldProps<FormValues, RJSFSchema>): ReactElement {
  const id = props.fieldPathId.$id;
  return createElement(
    'div',
    { className: 'form-group json-field' },
    createElement('label', { className: 'control-label', htmlFor: id }, props.schema.title ?? props.name),
    createElement('textarea', { id, name: id, 'data-json': 'true', defaultValue: props.formData === undefined ? '' : JSON.stringify(props.formData) }),
  );
}

/** Server-side HTML of a generated form, as rjsf's own Form renders it with the given validator. */
export function renderForm(form: FormDefinition, validator: ValidatorType<FormValues, RJSFSchema>, formData?: FormValues): string {
  return renderToString(
    createElement(Form<FormValues, RJSFSchema>, {
      schema: form.schema as unknown as RJSFSchema,
      uiSchema: form.uiSchema as unknown as UiSchema<FormValues, RJSFSchema>,
      validator,
      noHtml5Validate: true,
      ...(formData === undefined ? {} : { formData }),
      widgets: { lookup: LookupWidget },
      fields: { json: JsonField },
      templates: { ObjectFieldTemplate: SectionedObjectTemplate },
    }),
  );
}
