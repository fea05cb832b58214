import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import type { FilterJson } from '../../list/filter/filter-rows';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';
import { editorOf, isComputed, type FieldType } from './field-types';
import { valueDefinitionOf, valueDraftOf, type PicklistValueDefinition, type PicklistValueDraft } from './picklist-values';

/** A field definition as administrators read and write it (object.schema.json's Field). */
export interface FieldDefinition {
  readonly name: string;
  readonly type: string;
  readonly label?: LocalizedText;
  readonly helpText?: LocalizedText;
  readonly [property: string]: unknown;
}

/** What the field form edits: the properties every field has, and each type's own. */
export interface FieldDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly type: FieldType;
  readonly helpEn: string;
  readonly helpZh: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly indexed: boolean;
  readonly trackHistory: boolean;
  readonly maxLength?: number | null;
  readonly precision?: number | null;
  readonly scale?: number | null;
  readonly min?: number | null;
  readonly max?: number | null;
  readonly currency?: string;
  readonly values: readonly PicklistValueDraft[];
  readonly target?: string;
  readonly onDelete?: 'clear' | 'restrict';
  readonly format?: string;
  readonly startAt?: number | null;
  readonly expression?: string;
  readonly resultType?: string;
  readonly child?: string;
  readonly relationship?: string;
  readonly function?: 'count' | 'sum' | 'min' | 'max';
  readonly field?: string;
  readonly filter?: FilterJson;
}

export type FieldControl = keyof FieldDraft;

export const NEW_FIELD: FieldDraft = {
  labelEn: '',
  labelZh: '',
  name: '',
  type: 'text',
  helpEn: '',
  helpZh: '',
  required: false,
  unique: false,
  indexed: false,
  trackHistory: false,
  values: [],
};

export function fieldDraftOf(field: FieldDefinition): FieldDraft {
  const get = <T>(key: string) => field[key] as T | undefined;
  return {
    ...NEW_FIELD,
    labelEn: field.label?.en ?? '',
    labelZh: field.label?.['zh-CN'] ?? '',
    name: field.name,
    type: field.type as FieldType,
    helpEn: field.helpText?.en ?? '',
    helpZh: field.helpText?.['zh-CN'] ?? '',
    required: get<boolean>('required') === true,
    unique: get<boolean>('unique') === true,
    indexed: get<boolean>('indexed') === true,
    trackHistory: get<boolean>('trackHistory') === true,
    values: (get<PicklistValueDefinition[]>('values') ?? []).map(valueDraftOf),
    ...Object.fromEntries(
      ['maxLength', 'precision', 'scale', 'min', 'max', 'currency', 'target', 'onDelete', 'format', 'startAt', 'expression', 'resultType', 'child', 'relationship', 'function', 'field', 'filter'].flatMap((key) =>
        field[key] === undefined ? [] : [[key, field[key]]],
      ),
    ),
  };
}

/** Only what is set: a blank number input, an empty text, a false flag are left out, as files keep only what differs. */
function present(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false));
}

/**
 * The whole field to send (PUT replaces it): its common properties, and those of its type alone,
 * so properties left from another type before a type change are not sent.
 */
export function fieldDefinitionOf(draft: FieldDraft): FieldDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  const helpText = draftText(draft.helpEn, draft.helpZh);
  const computed = isComputed(draft.type);
  const common = {
    name: draft.name.trim(),
    type: draft.type,
    ...(label ? { label } : {}),
    ...(helpText ? { helpText } : {}),
    ...present({ required: !computed && draft.required, unique: !computed && draft.unique, indexed: draft.indexed, trackHistory: draft.trackHistory }),
  };
  return { ...common, ...ownProperties(draft) };
}

function ownProperties(draft: FieldDraft): Record<string, unknown> {
  switch (editorOf(draft.type)) {
    case 'length':
      return present({ maxLength: draft.maxLength });
    case 'precision':
      return present({ precision: draft.precision, scale: draft.scale, min: draft.min, max: draft.max });
    case 'currency':
      return present({ precision: draft.precision, scale: draft.scale, min: draft.min, max: draft.max, currency: draft.currency });
    case 'picklist':
      return { values: draft.values.filter((value) => value.value.trim() !== '').map(valueDefinitionOf) };
    case 'reference':
      return present({ target: draft.target, onDelete: draft.onDelete });
    case 'masterdetail':
      return present({ target: draft.target });
    case 'autonumber':
      return present({ format: draft.format, startAt: draft.startAt });
    case 'formula':
      return present({ expression: draft.expression, resultType: draft.resultType, scale: draft.resultType === 'number' || draft.resultType === 'currency' || draft.resultType === 'percent' ? draft.scale : undefined });
    case 'rollup':
      return present({ child: draft.child, relationship: draft.relationship, function: draft.function, field: draft.function === 'count' ? undefined : draft.field, filter: draft.filter && Object.keys(draft.filter).length > 0 ? draft.filter : undefined });
    case 'none':
      return {};
  }
}

const CONTROLS: readonly (readonly [RegExp, FieldControl])[] = [
  [/^\/name$/, 'name'],
  [/^\/label(\/en)?$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/helpText(\/en)?$/, 'helpEn'],
  [/^\/helpText\/zh-CN$/, 'helpZh'],
  [/^\/type$/, 'type'],
  [/^\/values(\/|$)/, 'values'],
  ...(['required', 'unique', 'indexed', 'trackHistory', 'maxLength', 'precision', 'scale', 'min', 'max', 'currency', 'target', 'onDelete', 'format', 'startAt', 'expression', 'resultType', 'child', 'relationship', 'function', 'field', 'filter'] as const).map(
    (control) => [new RegExp(`^/${control}(/|$)`), control] as const,
  ),
];

/** The server's problems on the controls that caused them (paths point into the field sent). */
export function fieldErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}
