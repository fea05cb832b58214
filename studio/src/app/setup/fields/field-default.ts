import { isComputed, type FieldType } from './field-types';

/** How a new record's field gets a value when the client sends none. */
export type DefaultMode = 'none' | 'value' | 'expression';

/** The default as the field form edits it: a mode, the value as typed, the expression. */
export interface DefaultDraft {
  readonly defaultMode: DefaultMode;
  /** The value as the admin typed it (or picked it); read as the field's type when saved. */
  readonly defaultValue?: string | boolean | readonly string[] | number | null;
  readonly defaultExpression?: string;
}

/** Types whose default can be typed as a value; the others (references, computed, JSON) take an expression, or none. */
const VALUE_TYPES: ReadonlySet<FieldType> = new Set(['text', 'longtext', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean', 'picklist', 'multipicklist', 'email', 'phone', 'url']);

export function takesDefaultValue(type: FieldType): boolean {
  return VALUE_TYPES.has(type);
}

/** Computed fields have no default: their value is computed. */
export function takesDefault(type: FieldType): boolean {
  return !isComputed(type);
}

export function defaultDraftOf(field: Readonly<Record<string, unknown>>): DefaultDraft {
  const expression = field['defaultExpression'];
  if (typeof expression === 'string') return { defaultMode: 'expression', defaultExpression: expression };
  if (field['default'] === undefined || field['default'] === null) return { defaultMode: 'none' };
  const value = field['default'];
  const typed = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
  // A default the controls cannot show (an object written by a script) is shown as JSON text and sent back as written.
  return { defaultMode: 'value', defaultValue: typed ? (value as DefaultDraft['defaultValue']) : JSON.stringify(value) };
}

/**
 * The field's `default` or `defaultExpression`, as the type reads it: a number typed as text is sent
 * as a number, a blank value as no default. A value that does not parse is sent as typed, so the
 * server's refusal lands on the control with its own words.
 */
export function defaultDefinitionOf(draft: DefaultDraft, type: FieldType): { default?: unknown; defaultExpression?: string } {
  if (!takesDefault(type)) return {};
  if (draft.defaultMode === 'expression') {
    const expression = draft.defaultExpression?.trim();
    return expression ? { defaultExpression: expression } : {};
  }
  if (draft.defaultMode !== 'value') return {};
  if (!takesDefaultValue(type)) return typeof draft.defaultValue === 'string' ? { default: parsedJson(draft.defaultValue) } : {};
  const value = typedDefault(draft.defaultValue, type);
  return value === undefined ? {} : { default: value };
}

/** A default of a type the controls cannot type (JSON) was shown as its JSON text: it goes back as it was. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function typedDefault(value: DefaultDraft['defaultValue'], type: FieldType): unknown {
  if (value === null || value === undefined) return undefined;
  switch (type) {
    case 'boolean':
      return value === true || value === 'true';
    case 'number':
    case 'currency':
    case 'percent': {
      if (typeof value === 'number') return value;
      const text = String(value).trim();
      if (text === '') return undefined;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'multipicklist':
      return Array.isArray(value) ? (value.length > 0 ? [...value] : undefined) : String(value).trim() === '' ? undefined : [String(value).trim()];
    default: {
      const text = typeof value === 'string' ? value : String(value);
      return text.trim() === '' ? undefined : text;
    }
  }
}
