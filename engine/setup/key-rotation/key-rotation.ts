import type { Doc } from '../../store/port.js';

/** The tenant's key rotations, with their progress. */
export const KEY_ROTATIONS = 'crypto.rotations';

/** The job kind that re-encrypts a tenant's sealed values under its new data key. */
export const KEY_ROTATION_JOB = 'crypto.rotate';

export interface KeyRotationDoc extends Doc {
  /** The new data key, active since the rotation started. */
  to: string;
  /** The keys the values move off; removed once none of them seals anything. */
  from: string[];
  status: 'running' | 'done';
  /** The collections that may hold sealed values, gone through in this order. */
  collections: string[];
  /** Index into `collections` of the one being gone through, and the last `_id` done in it. */
  current: number;
  cursor: string | null;
  /** Documents looked at, and re-encrypted, so far; `total` as counted when it started. */
  done: number;
  resealed: number;
  total: number;
  /**
   * The pass through the collections, from 1, and what this one re-encrypted: the former keys go
   * only after a whole pass found nothing left under them (a write sealed under a former key while
   * the first pass went by, on another instance, is caught by the next).
   */
  pass: number;
  passResealed: number;
  startedAt: string;
  finishedAt?: string;
  lastError?: string;
}

/** Done in percent, whole, 100 only once the rotation ended. */
export function rotationPercent(rotation: KeyRotationDoc): number {
  if (rotation.status === 'done') return 100;
  return rotation.total === 0 ? 0 : Math.min(99, Math.floor((rotation.done / rotation.total) * 100));
}
