/**
 * A record owned by a queue holds `queue:<group>` in `_owner` instead of a user's id (ids are 24
 * hex digits, so the two never meet): the group's members see it and may take it.
 */
const PREFIX = 'queue:';

export function queueOwner(group: string): string {
  return `${PREFIX}${group}`;
}

/** The group of a queue owner, or null when a user owns the record. */
export function queueOf(owner: unknown): string | null {
  return typeof owner === 'string' && owner.startsWith(PREFIX) ? owner.slice(PREFIX.length) : null;
}
