import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { filterToModel, modelToFilter, type FilterJson, type FilterModel } from '../../list/filter/filter-rows';
import { controlErrors } from '../control-errors';
import { draftText } from '../draft-text';
import { tidyDependencies, type Dependencies } from './dependency-matrix';
import { defaultDefinitionOf, defaultDraftOf, type DefaultDraft } from './field-default';
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

/** What the field form edits: the properties every field has, its default, and each type's own. */
export interface FieldDraft extends DefaultDraft {
  readonly labelEn: string;
  readonly labelZh: string;
  readonly name: string;
  readonly type: FieldType;
  readonly helpEn: string;
  readonly helpZh: string;
  readonly required: boolean;
  readonly unique: boolean;
  /** The record's id in another system: unique, and what imports match records and parents by. */
  readonly externalId: boolean;
  readonly indexed: boolean;
  readonly trackHistory: boolean;
  /** Values stored encrypted; `deterministic`: equal values encrypt alike, so the field filters by equality. */
  readonly encrypted: boolean;
  readonly deterministic: boolean;
  readonly maxLength?: number | null;
  readonly precision?: number | null;
  readonly scale?: number | null;
  readonly min?: number | null;
  readonly max?: number | null;
  readonly currency?: string;
  readonly values: readonly PicklistValueDraft[];
  /** A dependent picklist: the picklist or boolean field of the object that narrows its values. */
  readonly controllingField?: string;
  readonly dependencies?: Dependencies;
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
  /** The roll-up's filter as the builder's rows (incomplete rows included while they are typed). */
  readonly filter?: FilterModel;
  /** A roll-up filter the rows cannot show (nested groups written by a script): kept as it is. */
  readonly rawFilter?: FilterJson;
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
  externalId: false,
  indexed: false,
  trackHistory: false,
  encrypted: false,
  deterministic: false,
  values: [],
  defaultMode: 'none',
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
    externalId: get<boolean>('externalId') === true,
    indexed: get<boolean>('indexed') === true,
    trackHistory: get<boolean>('trackHistory') === true,
    encrypted: get<boolean>('encrypted') === true,
    deterministic: get<boolean>('deterministic') === true,
    values: (get<PicklistValueDefinition[]>('values') ?? []).map(valueDraftOf),
    ...defaultDraftOf(field),
    ...Object.fromEntries(
      ['maxLength', 'precision', 'scale', 'min', 'max', 'currency', 'target', 'onDelete', 'format', 'startAt', 'expression', 'resultType', 'child', 'relationship', 'function', 'field', 'controllingField', 'dependencies'].flatMap((key) =>
        field[key] === undefined ? [] : [[key, field[key]]],
      ),
    ),
    ...rollupFilterDraft(field.filter),
  };
}

function rollupFilterDraft(filter: unknown): Pick<FieldDraft, 'filter' | 'rawFilter'> {
  if (filter === undefined) return {};
  const model = filterToModel(filter);
  return model ? { filter: model } : { rawFilter: filter as FilterJson };
}

/** Only what is set: a blank number input, an empty text, a false flag are left out, as files keep only what differs. */
function present(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false));
}

/**
 * The whole field to send (PUT replaces it): its common properties, and those of its type alone,
 * so properties left from another type before a type change are not sent.
 */
export function fieldDefinitionOf(draft: FieldDraft, original?: FieldDefinition): FieldDefinition {
  const label = draftText(draft.labelEn, draft.labelZh);
  const helpText = draftText(draft.helpEn, draft.helpZh);
  const computed = isComputed(draft.type);
  const common = {
    name: draft.name.trim(),
    type: draft.type,
    ...(label ? { label } : {}),
    ...(helpText ? { helpText } : {}),
    ...present({ required: !computed && draft.required, unique: !computed && draft.unique, externalId: canBeExternalId(draft.type) && draft.externalId, indexed: draft.indexed, trackHistory: draft.trackHistory }),
    ...present({ encrypted: canBeEncrypted(draft.type) && draft.encrypted, deterministic: canBeEncrypted(draft.type) && draft.encrypted && draft.deterministic }),
    ...defaultDefinitionOf(draft, draft.type),
  };
  return { ...keptProperties(original, draft.type), ...common, ...ownProperties(draft) };
}

/** The types whose values can name a record in another system (the server's rule). */
export function canBeExternalId(type: FieldType): boolean {
  return type === 'text' || type === 'number' || type === 'email' || type === 'phone' || type === 'url';
}

/** The types whose values the server can store encrypted (text-like ones). */
export function canBeEncrypted(type: FieldType): boolean {
  return type === 'text' || type === 'longtext' || type === 'email' || type === 'phone';
}

/** Every property the form edits; the others of a saved field are kept as they are. */
const EDITED = new Set([
  'name', 'type', 'label', 'helpText', 'required', 'unique', 'externalId', 'indexed', 'trackHistory', 'encrypted', 'deterministic', 'default', 'defaultExpression',
  'maxLength', 'precision', 'scale', 'min', 'max', 'currency', 'values', 'controllingField', 'dependencies', 'target', 'onDelete',
  'format', 'startAt', 'expression', 'resultType', 'child', 'relationship', 'function', 'field', 'filter',
]);

/**
 * PUT replaces the whole field: the properties the form does not show (a currency's rate date, a
 * description written in a pack's file) would be lost by saving it. They are sent back as they were,
 * as long as the type stays (another type's properties would be refused).
 */
function keptProperties(original: FieldDefinition | undefined, type: FieldType): Record<string, unknown> {
  if (!original || original.type !== type) return {};
  return Object.fromEntries(Object.entries(original).filter(([key]) => !EDITED.has(key)));
}

function ownProperties(draft: FieldDraft): Record<string, unknown> {
  switch (editorOf(draft.type)) {
    case 'length':
      return present({ maxLength: draft.maxLength });
    case 'precision':
      return present({ precision: draft.precision, scale: draft.scale, min: draft.min, max: draft.max });
    case 'currency':
      return present({ precision: draft.precision, scale: draft.scale, min: draft.min, max: draft.max, currency: draft.currency });
    case 'picklist': {
      const values = draft.values.filter((value) => value.value.trim() !== '').map(valueDefinitionOf);
      if (!draft.controllingField) return { values };
      // The dependent side is tidied here (its values are the draft's); a controlling value that no longer exists is the server's to refuse.
      const own = values.map((value) => (typeof value === 'string' ? value : value.value));
      const dependencies = tidyDependencies(draft.dependencies, Object.keys(draft.dependencies ?? {}), own);
      return { values, controllingField: draft.controllingField, ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}) };
    }
    case 'reference':
      return present({ target: draft.target, onDelete: draft.onDelete });
    case 'masterdetail':
      return present({ target: draft.target });
    case 'autonumber':
      return present({ format: draft.format, startAt: draft.startAt });
    case 'formula':
      return present({ expression: draft.expression, resultType: draft.resultType, scale: draft.resultType === 'number' || draft.resultType === 'currency' || draft.resultType === 'percent' ? draft.scale : undefined });
    case 'rollup':
      return present({ child: draft.child, relationship: draft.relationship, function: draft.function, field: draft.function === 'count' ? undefined : draft.field, filter: draft.filter ? modelToFilter(draft.filter) : draft.rawFilter });
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
  [/^\/default(\/|$)/, 'defaultValue'],
  [/^\/defaultExpression(\/|$)/, 'defaultExpression'],
  ...(['required', 'unique', 'indexed', 'trackHistory', 'encrypted', 'deterministic', 'maxLength', 'precision', 'scale', 'min', 'max', 'currency', 'target', 'onDelete', 'format', 'startAt', 'expression', 'resultType', 'child', 'relationship', 'function', 'field', 'filter', 'controllingField', 'dependencies'] as const).map(
    (control) => [new RegExp(`^/${control}(/|$)`), control] as const,
  ),
];

/** The server's problems on the controls that caused them (paths point into the field sent). */
export function fieldErrors(details: readonly ErrorDetail[]) {
  return controlErrors(details, CONTROLS);
}
