import { api } from '../../../shared/api/api-client';
import { ifMatch } from '../use-opened-etag';
import type { DefinitionVersion, HistoryPage } from './metadata-history';

/** The definition changed after the history was read: a revert would overwrite that change unseen. Nothing was sent. */
export class ChangedSinceError extends Error {}

/**
 * Sends a revert only over the version the page shows as the latest. The definition's ETag is read
 * first, then its newest history entry: a change recorded since refuses the revert, and the PUT is
 * conditional on the ETag read, so a change landing after that check is not overwritten either (the
 * server answers 412). A definition deleted since is created again, which the server refuses when
 * the name was taken meanwhile.
 */
export async function sendRevert(
  kind: string,
  name: string,
  latest: DefinitionVersion,
  request: { method: 'PUT' | 'POST'; path: string; body: unknown },
): Promise<{ version: number }> {
  const etag = request.method === 'PUT' && latest.definition !== null ? (await api<{ etag?: string }>(request.path)).etag : undefined;
  const newest = await api<HistoryPage>('/meta/history', { query: { kind, name, limit: 1 } });
  if ((newest.entries[0]?.version ?? latest.version) !== latest.version) throw new ChangedSinceError();
  return api<{ version: number }>(request.path, { method: request.method, body: request.body, headers: ifMatch(etag) });
}
