import schema from '../../../schemas/currency.schema.json' with { type: 'json' };
import type { CurrencyDefinition } from '../../../schemas/generated/currency.js';
import { msg } from '../../../i18n/message.js';
import { defineKind } from '../define-kind.js';

/** Currencies with their dated rates: a tenant's own data, which no pack ships. PUT defines or replaces one (operations of its own: exactly one is corporate). */
export const currencyKind = defineKind<'currency', CurrencyDefinition, 'update' | 'delete', null>({
  kind: 'currency',
  schema,
  noun: msg`currency`,
  plural: 'currencies',
  inPacks: false,
  verbs: ['update', 'delete'],
  find: (snapshot, name) => snapshot.currencies.definitions.get(name),
  list: (snapshot) => [...snapshot.currencies.definitions.values()],
  api: null,
});
