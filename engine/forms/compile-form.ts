import { InternalError } from '../errors/index.js';
import { fieldTypeOf, type JsonSchema, type ResolvedField } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { ResolvedLayout, ResolvedLayoutField } from '../metadata/layouts/resolved-layout.js';
import { fieldUi } from './field-ui.js';
import type { FieldUiSchema, FormDefinition, FormRelatedList, FormSection, FormUiSchema } from './form-definition.js';
import { localize, type Language } from '../i18n/language.js';
import { cloneDocument } from '../store/json-document.js';

/** What the user of the form may see and change; without one, the form as the layout describes it. */
export interface FormView {
  readonly hidden: ReadonlySet<string>;
  /** The fields the user may fill in; undefined for all. */
  readonly editable?: ReadonlySet<string>;
  /** Whether the user may read an object, for the related lists. */
  readsObject(name: string): boolean;
}

const EVERYTHING: FormView = { hidden: new Set(), readsObject: () => true };

/** One field as the form places it: where, and with which overrides. */
interface Placement extends ResolvedLayoutField {
  readonly section: number;
}

/**
 * Compiles the react-jsonschema-form schema and uiSchema of an object as one layout shows it, in
 * one language. Each field's schema is its field type's value schema, the one the server's create
 * schema is built from, so the form refuses exactly what the server would; the form only adds
 * titles, help texts, defaults and the layout's own required and read-only overrides. Without a
 * layout, the default form: every field in definition order in one untitled section.
 */
export function compileForm(object: CompiledObject, layout: ResolvedLayout | undefined, language: Language, view: FormView = EVERYTHING): FormDefinition {
  // A field the user may not read is not on their form; one they may not edit is read only.
  const placements = (layout ? layoutPlacements(layout) : defaultPlacements(object.object.fields))
    .filter((placement) => !view.hidden.has(placement.field))
    .map((placement) => (view.editable && !view.editable.has(placement.field) ? { ...placement, required: false, readOnly: true } : placement));
  const properties: Record<string, JsonSchema> = {};
  const fieldUis: Record<string, FieldUiSchema> = {};
  const required: string[] = [];
  for (const placement of placements) {
    const field = object.field(placement.field);
    // resolveLayout checked every name against this very object; a miss is a broken snapshot.
    if (!field) throw new InternalError(`layout field '${placement.field}' is not a field of ${object.name}`);
    const valueSchema = fieldTypeOf(field).valueSchema(field);
    properties[field.name] = propertySchema(field, valueSchema, placement, language);
    const ui: FieldUiSchema = { ...fieldUi(field, valueSchema, language), ...(placement.readOnly ? { 'ui:readonly': true } : {}) };
    if (Object.keys(ui).length > 0) fieldUis[field.name] = ui;
    if (placement.required) required.push(field.name);
  }

  const sectionCount = layout ? layout.sections.length : 1;
  const sections: FormSection[] = Array.from({ length: sectionCount }, (_unused, index) => {
    const section = layout?.sections[index];
    return {
      title: section?.title ? localize(section.title, language) : null,
      columns: section?.columns ?? 1,
      collapsed: section?.collapsed ?? false,
      fields: placements.filter((placement) => placement.section === index).map((placement) => placement.field),
    };
  });
  const uiSchema: FormUiSchema = {
    'ui:order': placements.map((placement) => placement.field),
    'ui:options': { sections },
    ...fieldUis,
  };
  return {
    object: object.name,
    layout: layout?.name ?? null,
    language,
    schema: {
      type: 'object',
      title: localize(object.object.label, language),
      // The server refuses fields it does not know; the form holds exactly the fields it shows.
      additionalProperties: false,
      properties,
      ...(required.length > 0 ? { required } : {}),
    },
    uiSchema,
    relatedLists: (layout?.relatedLists ?? []).filter((list) => view.readsObject(list.object)).map(
      (list): FormRelatedList => ({ object: list.object, field: list.field, columns: list.columns, label: localize(list.label, language) }),
    ),
  };
}

function layoutPlacements(layout: ResolvedLayout): Placement[] {
  return layout.sections.flatMap((section, index) => section.fields.map((field) => ({ ...field, section: index })));
}

/** What resolveLayout would make of a layout listing every field without overrides. */
function defaultPlacements(fields: readonly ResolvedField[]): Placement[] {
  return fields.map((field) => {
    const computed = !fieldTypeOf(field).writable;
    return { field: field.name, required: !computed && field.required, readOnly: computed, section: 0 };
  });
}

/**
 * The value rules untouched, plus what a form shows: the label and help text in the language,
 * `readOnly` (an annotation: ajv does not enforce it, rjsf renders it), and the default the server
 * would fill in, so the form starts with it.
 */
function propertySchema(field: ResolvedField, valueSchema: JsonSchema, placement: Placement, language: Language): JsonSchema {
  const description = localize(field.helpText, language);
  const computed = !fieldTypeOf(field).writable;
  return {
    ...valueSchema,
    title: localize(field.label, language),
    ...(description ? { description } : {}),
    ...(placement.readOnly ? { readOnly: true } : {}),
    ...(field.default !== undefined && !computed ? { default: cloneDocument(field.default) } : {}),
  };
}
