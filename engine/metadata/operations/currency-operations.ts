import { ConflictError, EngineError, NotFoundError, ValidationError } from '../../errors/index.js';
import { checkSetupRight } from '../../security/object-access.js';
import { applyChange } from './apply-change.js';
import type { OperationContext } from '../../tenancy/index.js';
import { checkDefinition } from '../definition-validator.js';
import type { CurrencyDefinition } from '../schemas/generated/currency.js';
import type { Snapshot } from '../snapshot.js';
import { recomputeAll } from './field-migration.js';
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
 * again in the same unit of work, so filters and reports never mix old and new rates.
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
    migrate: (tx, _before, snapshot) => reconvert(tx, snapshot),
  }));
  return { definition: after.currencies.definitions.get(name)!, version: after.version };
}

export async function deleteCurrency(ctx: OperationContext, name: string): Promise<{ version: number }> {
  checkSetupRight(ctx);
  const after = await applyChange(ctx, (current) => {
    if (!current.currencies.definitions.has(name)) throw new NotFoundError(msg`The tenant has no currency '${name}'.`);
    return { kind: 'currency', action: 'currency.delete', name, next: null, by: ctx.principal.userId, migrate: (tx, _before, snapshot) => reconvert(tx, snapshot) };
  });
  return { version: after.version };
}

async function reconvert(tx: Parameters<typeof recomputeAll>[0], snapshot: Snapshot): Promise<void> {
  try {
    for (const object of snapshot.objects.values()) {
      if (object.object.fields.some((field) => field.type === 'currency')) await recomputeAll(tx, snapshot, object);
    }
  } catch (error) {
    // A record the new rates cannot convert is a clash with stored data, not a bad request.
    if (error instanceof EngineError && error.status < 500) {
      throw new ConflictError('currency_in_use', msg`Stored amounts could not be converted with this change: ${error.text}`, error.details);
    }
    throw error;
  }
}
