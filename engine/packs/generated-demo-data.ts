import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { DemoRecord } from '../schemas/generated/pack-data.js';
import { checkPackData, type PackData } from './pack-data.js';
import type { Pack } from './read-pack.js';

/** What a pack's demo-data generator is given: the day the data is made for, and numbers that repeat. */
export interface DemoDataContext {
  /** The data's "now": dates in the demo are spread around it, so a demo installed today shows this quarter's pipeline. */
  readonly today: Date;
  /** Uniform in [0, 1), seeded by the pack's name: the same pack generates the same records (and demo keys) each time. */
  random(): number;
}

/** A pack's generator of demo records by object (its code's `demoData`), in the format of data/<object>.json. */
export type DemoDataGenerator = (context: DemoDataContext) => Readonly<Record<string, readonly DemoRecord[]>>;

/**
 * The demo records an install with demo data creates: the pack's data/ files, then what its code
 * generates for the day (records whose demo keys an earlier install created are skipped later, as
 * for files). Generated records are checked as files are; a problem refuses the install (400) at
 * `/demoData/<object>.json/…`, so a generator's bug never half-installs.
 */
export function demoDataOf(pack: Pack, today: Date = new Date()): PackData | undefined {
  const generate = pack.code?.demoData;
  if (!generate) return pack.data;
  const generated = generate({ today, random: seededRandom(pack.manifest.name) });
  const problems: ErrorDetail[] = [];
  const files: Record<string, readonly DemoRecord[]> = { ...pack.data };
  for (const [object, records] of Object.entries(generated)) files[object] = [...(files[object] ?? []), ...records];
  const data = checkPackData(files, problems);
  if (problems.length > 0) {
    throw new ValidationError(
      problems.map((problem) => ({ ...problem, path: problem.path.replace(/^\/data/, '/demoData') })),
      msg`The demo data pack '${pack.manifest.name}' generates cannot be used: ${problems.length} problem(s).`,
    );
  }
  return data;
}

/** mulberry32 seeded by a string's FNV-1a hash: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) state = Math.imul(state ^ seed.charCodeAt(index), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
