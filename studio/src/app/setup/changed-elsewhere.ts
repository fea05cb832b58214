import { api } from '../../shared/api/api-client';
import { ifMatch } from './use-opened-etag';

/** The same JSON whatever the order of keys: how a part of a definition is compared with the same part read later. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Someone else changed the part of a definition an editor changes, after it was opened: nothing was sent. */
export class ChangedElsewhereError extends Error {}

/**
 * A change of one part of an object (its own properties, its validation rules) that other editors
 * on the same page change too: read the object again, refuse if the part this editor opened
 * changed since (someone else's change would be overwritten unseen), else build the change on what
 * is stored now and send it conditional on that read, so nothing can land in between.
 */
export async function patchObjectPart<D>(
  object: string,
  unchanged: (current: D) => boolean,
  change: (current: D) => Record<string, unknown>,
  changedMessage: string,
): Promise<{ body: Record<string, unknown>; answer: unknown }> {
  const path = `/meta/objects/${encodeURIComponent(object)}`;
  const current = await api<{ definition: D; etag?: string }>(path);
  if (!unchanged(current.definition)) throw new ChangedElsewhereError(changedMessage);
  const body = change(current.definition);
  return { body, answer: await api(path, { method: 'PATCH', body, headers: ifMatch(current.etag) }) };
}
