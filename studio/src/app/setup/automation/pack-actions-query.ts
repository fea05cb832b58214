import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { LocalizedText } from '../../../shared/i18n/localize';

/** An action of an installed pack, as GET /packs/actions lists it. */
export interface PackActionView {
  readonly pack: string;
  readonly name: string;
  readonly label: LocalizedText;
  /** The JSON Schema of its params, or null. */
  readonly params: Readonly<Record<string, unknown>> | null;
}

/** The actions the tenant's packs add to rules and processes (they change only when a pack is installed or removed). */
export const packActionsQuery = queryOptions({
  queryKey: ['packs', 'actions'],
  queryFn: () => api<{ actions: PackActionView[] }>('/packs/actions'),
});
