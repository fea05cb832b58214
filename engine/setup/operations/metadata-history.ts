import { maskWebhookSecrets } from '../../mail/index.js';
import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import { checkSystemRight } from '../../security/object-access.js';
import type { Doc, Filter } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { tenantKinds } from '../../metadata/pack-kinds/index.js';
import { META_HISTORY } from '../../metadata/metadata-collections.js';
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

/** Which changes to read: all of them, or those of one kind, or of one definition (kind and name). */
export interface MetadataHistoryQuery {
  limit: number;
  kind?: string;
  name?: string;
  /** The `next` of the previous page: only changes older than this version. */
  before?: string;
}

/**
 * The metadata's changes, newest first: every definition of every kind as it was, so for
 * administrators (manage metadata) only, and with secrets masked as in any read. A definition's
 * history follows it through a rename: its entries are those named so before or after the change.
 */
export async function listMetadataHistory(ctx: OperationContext, query: MetadataHistoryQuery): Promise<{ entries: MetadataHistoryEntry[]; next: number | null }> {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can read the history of its changes.`);
  const history = ctx.tenant.store.collection<MetadataHistoryEntry>(META_HISTORY);
  // The kinds of the tenant now, and one a pack took away with it, whose changes stay in the history.
  const kinds = tenantKinds(ctx.snapshot).map((entry) => entry.kind);
  if (query.kind !== undefined && !kinds.includes(query.kind) && (await history.findOne({ kind: query.kind }))) kinds.push(query.kind);
  const filter = historyFilter(query, kinds);
  const found = await history.find(filter, { sort: { version: -1, _id: -1 }, limit: query.limit + 1 });
  const entries = found.slice(0, pageEnd(found, query.limit)).map((entry) => ({ ...entry, before: maskWebhookSecrets(entry.before), after: maskWebhookSecrets(entry.after) }));
  return { entries, next: found.length > query.limit ? entries[entries.length - 1]!.version : null };
}

/**
 * Where a page ends. A change that removes definitions with it (an object's list views) writes
 * several entries of one version, and `before` is a version: a page ends between two versions, so
 * the next one starts with the whole of the version this one left out.
 */
function pageEnd(found: readonly MetadataHistoryEntry[], limit: number): number {
  if (found.length <= limit) return found.length;
  let end = limit;
  while (end > 0 && found[end - 1]!.version === found[limit]!.version) end -= 1;
  // One version with more entries than a page: shown cut, rather than never.
  return end === 0 ? limit : end;
}

function historyFilter(query: MetadataHistoryQuery, kinds: readonly string[]): Filter {
  const problems: ErrorDetail[] = [];
  const parts: Filter[] = [];
  if (query.kind !== undefined) {
    if (kinds.includes(query.kind)) parts.push({ kind: query.kind });
    else problems.push({ path: '/kind', message: msg`must be one of ${kinds.join(', ')}` });
  }
  if (query.name !== undefined) {
    if (query.kind === undefined) problems.push({ path: '/kind', message: msg`is needed with a name: names are unique only within their kind` });
    parts.push({ $or: [{ name: query.name }, { 'after.name': query.name }] });
  }
  if (query.before !== undefined) {
    const version = Number(query.before);
    if (Number.isInteger(version) && version > 0) parts.push({ version: { $lt: version } });
    else problems.push({ path: '/before', message: msg`must be a metadata version, the next of the previous page` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return parts.length === 0 ? {} : { $and: parts };
}
