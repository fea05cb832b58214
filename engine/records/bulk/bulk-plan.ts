import { ValidationError } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { msg } from '../../i18n/message.js';
import type { OperationContext } from '../../context/index.js';
import { fieldAccess, recordAccess, type RecordAccess } from '../../security/access/index.js';
import { checkRecordWrite } from '../../security/object-access.js';

/** insert: every record is new; update: every record exists (by `_id` or external id); upsert: by external id, whichever holds. */
export type BulkMode = 'insert' | 'update' | 'upsert';

export const BULK_MODES: readonly BulkMode[] = ['insert', 'update', 'upsert'];

export interface BulkOptions {
  readonly mode: BulkMode;
  /** The external-id field that matches records (upsert: required; update: instead of `_id`). */
  readonly externalId?: string;
  /** Check every record through the whole write path, write none. */
  readonly dryRun?: boolean;
}

/** What a bulk write checked once for all its records. */
export interface BulkPlan {
  readonly object: CompiledObject;
  readonly mode: BulkMode;
  readonly externalId?: string;
  /** The records the user may edit, for update and upsert. */
  readonly editAccess?: RecordAccess;
  readonly editable: ReadonlySet<string>;
  readonly hidden: ReadonlySet<string>;
}

/**
 * The rights a bulk write needs, checked before any record (403 for the whole request, as a single
 * write would answer): create for insert, edit for update, both for upsert; and the external-id
 * field, which must be one of the object's fields flagged `externalId` that the user may read.
 */
export async function planBulk(ctx: OperationContext, object: CompiledObject, options: BulkOptions): Promise<BulkPlan> {
  if (!BULK_MODES.includes(options.mode)) {
    throw new ValidationError([{ path: '/mode', message: msg`must be one of ${BULK_MODES.join(', ')}, got '${String(options.mode)}'` }]);
  }
  const { editable, hidden } = fieldAccess(ctx, object);
  if (options.externalId !== undefined) {
    const field = object.field(options.externalId);
    if (!field || !field.externalId || hidden.has(field.name)) {
      const flagged = object.object.fields.filter((candidate) => candidate.externalId && !hidden.has(candidate.name)).map((candidate) => candidate.name);
      throw new ValidationError([
        {
          path: '/externalId',
          message: flagged.length > 0 ? msg`'${options.externalId}' is not an external id of ${object.name}; its external ids: ${flagged.join(', ')}` : msg`${object.name} has no external-id field: flag a unique text or number field as external id first`,
        },
      ]);
    }
  } else if (options.mode === 'upsert') {
    throw new ValidationError([{ path: '/externalId', message: msg`is required for an upsert: name the external-id field that matches the records` }]);
  }
  if (options.mode !== 'update') checkRecordWrite(ctx, object, 'create');
  const editAccess = options.mode === 'insert' ? undefined : await recordAccess(ctx, object, 'edit');
  return {
    object,
    mode: options.mode,
    ...(options.externalId === undefined ? {} : { externalId: options.externalId }),
    ...(editAccess === undefined ? {} : { editAccess }),
    editable,
    hidden,
  };
}
