import { NotFoundError, ValidationError } from '../../errors/index.js';
import { checkSetupRight } from '../../security/object-access.js';
import { applyChange } from './apply-change.js';
import type { OperationContext } from '../../context/index.js';
import { checkDefinition } from '../../metadata/definition-validator.js';
import type { CurrencyDefinition } from '../../schemas/generated/currency.js';
import { reconvertAmounts } from './currency-reconversion.js';
import type { DefinitionResponse } from './object-operations.js';
import { msg } from '../../i18n/message.js';

export function listCurrencies(ctx: OperationContext): { currencies: CurrencyDefinition[]; corporate: string | null } {
  return { currencies: [...ctx.snapshot.currencies.definitions.values()], corporate: ctx.snapshot.currencies.corporate ?? null };
}

export function getCurrency(ctx: OperationContext, name: string): CurrencyDefinition {
  const definition = ctx.snapshot.currencies.definitions.get(name);
  if (!definition) throw new NotFoundError(msg`The tenant has no currency '${name}'.`);
  return definition;
}

/**
 * PUT: defines a currency or replaces it (its rates with it). Every stored amount is converted
 * again (currency-reconversion.ts): inside the change for a small object, else by a backfill, during
 * which filters and sorts on the converted amounts answer 409 and reads convert on the fly, so they
 * never mix old and new rates.
 */
export async function putCurrency(ctx: OperationContext, name: string, body: unknown): Promise<DefinitionResponse<CurrencyDefinition>> {
  checkSetupRight(ctx);
  const checked = checkDefinition('currency', { ...(body as object), name });
  if (!checked.ok) throw new ValidationError(checked.problems);
  const definition = checked.definition;
  const after = await applyChange(ctx, () => ({
    kind: 'currency',
    action: 'currency.update',
    name,
    next: definition,
    by: ctx.principal.userId,
    migrate: (tx, _before, snapshot) => reconvertAmounts(tx, snapshot),
  }));
  return { definition: after.currencies.definitions.get(name)!, version: after.version };
}

export async function deleteCurrency(ctx: OperationContext, name: string): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const after = await applyChange(ctx, (current) => {
    if (!current.currencies.definitions.has(name)) throw new NotFoundError(msg`The tenant has no currency '${name}'.`);
    return { kind: 'currency', action: 'currency.delete', name, next: null, by: ctx.principal.userId, migrate: (tx, _before, snapshot) => reconvertAmounts(tx, snapshot) };
  });
  return { version: after.version };
}
