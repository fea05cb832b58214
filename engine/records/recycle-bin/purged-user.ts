import { PERSONAL_VIEWS } from '../../metadata/metadata-collections.js';
import type { Collections } from '../../store/port.js';
import { RECENT_RECORDS } from '../recent/recent-records.js';

/**
 * What only a user had, gone with the user when their record is purged, in the purge's unit of
 * work: their personal list views and their recent records. Kept while the user is inactive or in the recycle bin, so that
 * reactivating or restoring them brings everything back; nobody else ever sees it meanwhile.
 */
export async function forgetPurgedUser(tx: Collections, userId: string): Promise<void> {
  await tx.collection(PERSONAL_VIEWS).deleteMany({ owner: userId });
  await tx.collection(RECENT_RECORDS).deleteMany({ user: userId });
}
