import { maskWebhookSecrets } from '../../mail/index.js';
import { checkSystemRight } from '../../security/object-access.js';
import type { Doc } from '../../store/port.js';
import type { OperationContext } from '../../tenancy/index.js';
import { META_HISTORY } from '../metadata-collections.js';
import { msg } from '../../i18n/message.js';

/** One change of the metadata: the definition before and after it. */
export interface MetadataHistoryEntry extends Doc {
  version: number;
  kind: string;
  name: string;
  action: string;
  before: unknown;
  after: unknown;
  by: string;
  at: string;
}

/**
 * The metadata's changes, newest first: every definition of every kind as it was, so for
 * administrators (manage metadata) only, and with secrets masked as in any read.
 */
export async function listMetadataHistory(ctx: OperationContext, limit: number): Promise<MetadataHistoryEntry[]> {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can read the history of its changes.`);
  const entries = await ctx.tenant.store.collection<MetadataHistoryEntry>(META_HISTORY).find({}, { sort: { version: -1 }, limit });
  return entries.map((entry) => ({ ...entry, before: maskWebhookSecrets(entry.before), after: maskWebhookSecrets(entry.after) }));
}
