import { ConflictError, EngineError, type ErrorDetail } from '../../errors/index.js';
import { corporateAmountField, type ResolvedCurrencyField } from '../../fields/index.js';
import { byCount, msg } from '../../i18n/message.js';
import { convertedAmounts } from '../../records/logic/convert-currencies.js';
import type { Collections } from '../../store/port.js';
import { pagesById, SCAN_PAGE_SIZE } from '../../store/pages-by-id.js';
import { backfillSettings } from '../backfills/backfill-settings.js';
import { recordBackfill } from '../backfills/record-backfill.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { recomputeAll } from './field-migration.js';

const SAMPLE_SIZE = 5;

/**
 * After a currency changes (its rates, which one is corporate) or goes, every stored amount is
 * converted to the corporate currency again. An object of at most `inlineLimit` records is
 * converted inside the change, as it always was; a larger one by a backfill in the background,
 * once a read of the few fields a conversion needs has shown that every amount converts: an amount
 * the new rates cannot convert refuses the change (409 `currency_in_use`) either way, and nothing
 * changes.
 */
export async function reconvertAmounts(tx: Collections, snapshot: Snapshot): Promise<void> {
  try {
    for (const object of snapshot.objects.values()) {
      const fields = object.object.fields.filter((field): field is ResolvedCurrencyField => field.type === 'currency');
      if (fields.length === 0) continue;
      const total = await tx.collection(object.collection).count({});
      if (total <= backfillSettings().inlineLimit) {
        await recomputeAll(tx, snapshot, object);
        continue;
      }
      await refuseUnconvertible(tx, snapshot, object, fields);
      await recordBackfill(tx, snapshot.version, object, { derivedPaths: fields.map((field) => corporateAmountField(field.name)), rollups: [], total });
    }
  } catch (error) {
    if (error instanceof ConflictError) throw error;
    // A record the new rates cannot convert is a clash with stored data, not a bad request.
    if (error instanceof EngineError && error.status < 500) throw inUse(error);
    throw error;
  }
}

/** Reads every record's amounts, currencies and rate dates a page at a time, and converts them without writing. */
async function refuseUnconvertible(tx: Collections, snapshot: Snapshot, object: CompiledObject, fields: readonly ResolvedCurrencyField[]): Promise<void> {
  const projection: Record<string, 1> = { _createdAt: 1 };
  for (const field of fields) {
    projection[field.name] = 1;
    if (field.currencyField) projection[field.currencyField] = 1;
    if (field.rateDate) projection[field.rateDate] = 1;
  }
  const sample: ErrorDetail[] = [];
  let failed = 0;
  let first: EngineError | undefined;
  for await (const page of pagesById(tx.collection(object.collection), {}, SCAN_PAGE_SIZE, projection)) {
    for (const record of page) {
      try {
        convertedAmounts(snapshot, object, record);
      } catch (error) {
        if (!(error instanceof EngineError) || error.status >= 500) throw error;
        failed++;
        first ??= error;
        for (const detail of error.details ?? []) if (sample.length < SAMPLE_SIZE) sample.push({ ...detail, path: `/records/${record._id}${detail.path}` });
      }
    }
  }
  if (!first) return;
  throw new ConflictError(
    'currency_in_use',
    byCount(
      failed,
      msg`1 record holds an amount this change cannot convert: ${first.text}`,
      msg`${failed} records hold amounts this change cannot convert, the first: ${first.text}`,
    ),
    sample,
  );
}

function inUse(reason: EngineError): ConflictError {
  return new ConflictError('currency_in_use', msg`Stored amounts could not be converted with this change: ${reason.text}`, reason.details);
}
