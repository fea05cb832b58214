import type { LoadResult } from './measure.js';
import type { ProfileSummary } from './profile.js';
import type { SchemaChangeResult } from './schema-change.js';
import { ms, perSecond } from './report-format.js';

// What one run of the bench measured, and the targets judged from it.

/** The phases measured under load on both servers. */
export type LoadPhase = 'get' | 'list' | 'create';
/** The phases profiled on the platform: the loads and the schema change. */
export type ProfiledPhase = LoadPhase | 'schema';
export type Side = 'platform' | 'baseline';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
}

export interface Memory {
  rss: number;
  heapUsed: number;
}

export interface BenchResults {
  machine: Machine;
  settings: {
    records: number;
    seconds: number;
    rounds: number;
    warmupSeconds: number;
    connections: number;
    profileSeconds: number;
    schemaRepeats: number;
    listQuery: string;
    /** How many seeded records the list filter matches. */
    listMatches: number;
  };
  seedMs: number;
  startup: Record<Side, number>;
  memoryAfterSeed: Record<Side, Memory>;
  memoryAfterRun: Record<Side, Memory>;
  loads: Record<LoadPhase, Record<Side, LoadResult>>;
  /** The list on the baseline with a bounded sorted buffer, as the platform's store does it. */
  listTopBaseline: LoadResult;
  schemaChange: SchemaChangeResult;
  profiles: Profiles;
  /** os.loadavg() before and after the run: other work on the machine shows here. */
  loadAverage: { before: number[]; after: number[] };
  totalSeconds: number;
}

/** A profile of a server under one load, with how many requests the profiled run made. */
export type ProfiledRun = ProfileSummary & { requests: number };

export interface Profiles {
  platform: Partial<Record<ProfiledPhase, ProfiledRun>>;
  baseline: Partial<Record<LoadPhase, ProfiledRun>>;
}

/** One target of the issue, judged from the measured numbers. */
export interface Verdict {
  phase: ProfiledPhase;
  metric: string;
  platform: string;
  baseline: string;
  ratio: number | undefined;
  target: string;
  /** How far inside the target: 1 is on it, above 1 met with room, below 1 missed. */
  margin: number;
  met: boolean;
}

/** The target for a schema change: live within this many milliseconds. */
export const SCHEMA_TARGET_MS = 50;

/** The four targets (the schema one as median and as worst case), each judged from the numbers. */
export function verdicts(r: BenchResults): Verdict[] {
  const { get, create, list } = r.loads;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const judged: Omit<Verdict, 'met'>[] = [
    {
      phase: 'get',
      metric: `GET by id (req/s, c=${r.settings.connections})`,
      platform: perSecond(get.platform),
      baseline: perSecond(get.baseline),
      ratio: ratio(get.platform.perSecond, get.baseline.perSecond),
      target: '≥ 0.6×',
      margin: ratio(get.platform.perSecond, get.baseline.perSecond) / 0.6,
    },
    {
      phase: 'create',
      metric: `create (records/s, c=${r.settings.connections})`,
      platform: perSecond(create.platform),
      baseline: perSecond(create.baseline),
      ratio: ratio(create.platform.perSecond, create.baseline.perSecond),
      target: '≥ 0.3×',
      margin: ratio(create.platform.perSecond, create.baseline.perSecond) / 0.3,
    },
    {
      phase: 'list',
      metric: `list filter + sort + limit 50: p99 (ms, c=${r.settings.connections})`,
      platform: ms(list.platform.p99),
      baseline: ms(list.baseline.p99),
      ratio: ratio(list.platform.p99, list.baseline.p99),
      target: '≤ 2× the baseline',
      margin: 2 / ratio(list.platform.p99, list.baseline.p99),
    },
    {
      phase: 'schema',
      metric: `schema change live: median of ${r.schemaChange.live.samples.length} (ms)`,
      platform: ms(r.schemaChange.live.median),
      baseline: 'n/a',
      ratio: undefined,
      target: `≤ ${SCHEMA_TARGET_MS} ms`,
      margin: SCHEMA_TARGET_MS / r.schemaChange.live.median,
    },
    {
      phase: 'schema',
      metric: `schema change live: worst of ${r.schemaChange.live.samples.length} (ms)`,
      platform: ms(r.schemaChange.live.max),
      baseline: 'n/a',
      ratio: undefined,
      target: `≤ ${SCHEMA_TARGET_MS} ms`,
      margin: SCHEMA_TARGET_MS / r.schemaChange.live.max,
    },
  ];
  return judged.map((v) => ({ ...v, met: v.margin >= 1 }));
}
