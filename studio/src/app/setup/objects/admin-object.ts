import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { LocalizedText } from '../../../shared/i18n/localize';
import type { ValidationRuleDefinition } from '../validation-rules/validation-rule-draft';
import type { SharingMode } from './object-draft';

/** A field as administrators read it (GET /meta/objects/:name answers the whole definition). */
export interface AdminFieldDefinition {
  readonly name: string;
  readonly type: string;
  readonly label?: LocalizedText;
  readonly helpText?: LocalizedText;
  readonly required?: boolean;
  readonly unique?: boolean;
  /** The properties of its type (field-draft.ts reads them). */
  readonly [property: string]: unknown;
}

/** An object definition as administrators read it. */
export interface AdminObjectDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly pluralLabel?: LocalizedText;
  readonly description?: string;
  readonly sharing?: SharingMode;
  readonly grantAccessUsingHierarchy?: boolean;
  readonly icon?: string;
  readonly fields?: readonly AdminFieldDefinition[];
  readonly validationRules?: readonly ValidationRuleDefinition[];
}

/** An object's read: its definition, its ETag and each field's (for changes conditional on them). */
export interface AdminObjectRead {
  readonly definition: AdminObjectDefinition;
  readonly etag?: string;
  readonly fieldEtags?: Readonly<Record<string, string>>;
}

/** One object's whole definition, as administrators read it. */
export const adminObjectQuery = (name: string) =>
  queryOptions({
    queryKey: ['meta', 'object', name],
    queryFn: () => api<AdminObjectRead>(`/meta/objects/${encodeURIComponent(name)}`),
  });
