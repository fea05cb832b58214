import type { AutoNumberField } from '../schemas/generated/object.js';
import { toText } from './coerce.js';
import { TEXTUAL, type FieldType, type ResolvedFieldCommon } from './field-type.js';

export interface ResolvedAutoNumberField extends ResolvedFieldCommon {
  readonly type: 'autonumber';
  readonly format: string;
  readonly startAt: number;
}

/** Formats counter n with a format such as PO-{0000}: PO-0042; longer numbers keep all digits. */
export function formatAutoNumber(format: string, n: number): string {
  return format.replace(/\{(0+)\}/, (_match, zeros: string) => String(n).padStart(zeros.length, '0'));
}

export const autoNumberField: FieldType<AutoNumberField, ResolvedAutoNumberField> = {
  type: 'autonumber',
  // The engine fills it; it is never required from the client and never unique-checked by it.
  resolve: (definition, common) => ({
    ...common,
    required: false,
    type: 'autonumber',
    format: definition.format,
    startAt: definition.startAt ?? 1,
  }),
  valueSchema: () => ({ type: 'string' }),
  coerce: toText,
  writable: false,
  operators: TEXTUAL,
  sortable: true,
};
