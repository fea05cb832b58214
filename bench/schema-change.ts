import { timings, type Timings } from './measure.js';
import { OBJECT_NAME } from './seed.js';
import type { GcPauses } from './server-process.js';

export interface SchemaChangeResult {
  /** POST …/fields: the metadata change, until its response. */
  post: Timings;
  /** From sending the field until a create using it succeeds. */
  live: Timings;
  /** Creates refused (400) before the new field was accepted, over all repeats. */
  refusedCreates: number;
  /** Each change in order: its live time and the server's GC pauses meanwhile. */
  changes: { liveMs: number; postMs: number; gc: GcPauses }[];
}

/**
 * Adds `repeats` new fields one after another; for each, times the metadata request and then
 * sends creates that use the field until one succeeds.
 */
export async function measureSchemaChange(
  url: string,
  /** The platform's `authorization`: a metadata write needs an administrator. */
  auth: Record<string, string>,
  repeats: number,
  gcPauses: (from: number, to: number) => Promise<GcPauses>,
  firstField = 1,
): Promise<SchemaChangeResult> {
  const post: number[] = [];
  const live: number[] = [];
  const changes: SchemaChangeResult['changes'] = [];
  let refusedCreates = 0;
  for (let i = 0; i < repeats; i++) {
    const field = `extra_${firstField + i}`;
    const startedAt = Date.now();
    const started = performance.now();
    const added = await fetch(`${url}/api/v1/meta/objects/${OBJECT_NAME}/fields`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ name: field, type: 'text' }),
    });
    post.push(performance.now() - started);
    if (added.status !== 201) throw new Error(`adding field ${field} answered ${added.status}: ${await added.text()}`);
    for (let attempt = 0; ; attempt++) {
      const created = await fetch(`${url}/api/v1/records/${OBJECT_NAME}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ title: `schema change ${i}`, [field]: 'accepted' }),
      });
      await created.arrayBuffer();
      if (created.status === 201) break;
      if (created.status === 401 || created.status === 403) throw new Error(`a create using field ${field} answered ${created.status}: the bench's token was not accepted`);
      refusedCreates++;
      if (attempt >= 1000) throw new Error(`field ${field} was still refused after ${attempt} creates (last status ${created.status})`);
    }
    live.push(performance.now() - started);
    changes.push({ liveMs: live.at(-1)!, postMs: post.at(-1)!, gc: await gcPauses(startedAt, Date.now()) });
  }
  return { post: timings(post), live: timings(live), refusedCreates, changes };
}
