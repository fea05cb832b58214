import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { dirname, relative } from 'node:path';

/** The parts of V8's CPU profile (Profiler.stop) this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionTime {
  name: string;
  /** file:line relative to the project, or the package / runtime area. */
  where: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  /** Self time by area: a package under node_modules, an engine folder, node core, GC. */
  areas: FunctionTime[];
  /** Time with a frame of the area anywhere on the stack: what the area costs with what it calls. */
  areasInclusive: FunctionTime[];
  /** Functions by self time. */
  self: FunctionTime[];
  /** Project functions (engine/, bench/) by inclusive time: what each spends with its callees. */
  inclusive: FunctionTime[];
  /** Functions of packages under node_modules by inclusive time. */
  packageInclusive: FunctionTime[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROFILER_FILE = '/bench/profile.ts';

/** Samples the process's own CPU while `work` runs; used by a server child on request. */
export class Profiler {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.session.post('Profiler.start');
  }

  /** Stops sampling; with `saveAs`, also writes the raw profile (opens in Chrome DevTools' Performance tab). */
  async stop(saveAs?: string): Promise<ProfileSummary> {
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    await this.session.post('Profiler.disable');
    this.session.disconnect();
    if (saveAs) {
      // BENCH_PROFILE_DIR may name a directory that does not exist yet.
      mkdirSync(dirname(saveAs), { recursive: true });
      writeFileSync(saveAs, JSON.stringify(profile));
    }
    return summarize(profile);
  }
}

export function summarize(profile: CpuProfile, top = 40): ProfileSummary {
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i; attribute it to the sample that follows it.
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + Math.max(0, deltas[i] ?? 0));

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const children = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const roots = profile.nodes.filter((node) => !children.has(node.id));

  let idleUs = 0;
  const selfByFunction = new Map<string, { name: string; where: string; us: number }>();
  const selfByArea = new Map<string, number>();
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  const areaInclusive = new Map<string, number>();

  const visit = (id: number, stack: string[], areaStack: string[], caller: string) => {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    // Starting the profiler is itself sampled (V8 logs every compiled function): not the server's work.
    if (url.includes(PROFILER_FILE)) return;
    const name = functionName || '(anonymous)';
    // A builtin or binding has no script: name it by its caller, so SQLite's `run` is not any `run`.
    const native = !url && !functionName.startsWith('(');
    const where = native ? `native, from ${caller}` : location(url, lineNumber);
    const key = `${name} ${where}`;
    const us = selfUs.get(id) ?? 0;
    if (name === '(idle)') idleUs += us;
    else {
      const own = selfByFunction.get(key) ?? { name, where, us: 0 };
      own.us += us;
      selfByFunction.set(key, own);
      const ownArea = areaOf(functionName, url);
      selfByArea.set(ownArea, (selfByArea.get(ownArea) ?? 0) + us);
    }
    // Inclusive time: a sample counts once for every distinct function with a script on its stack.
    const counted = url !== '';
    const frames = counted && !stack.includes(key) ? [...stack, key] : stack;
    if (counted && !inclusive.has(key)) inclusive.set(key, { name, where, us: 0 });
    if (us > 0) for (const frame of frames) inclusive.get(frame)!.us += us;
    const area = isPseudoFrame(functionName, url) ? undefined : areaOf(functionName, url);
    const areas = area && !areaStack.includes(area) ? [...areaStack, area] : areaStack;
    if (us > 0) for (const under of areas) areaInclusive.set(under, (areaInclusive.get(under) ?? 0) + us);
    const callerName = native ? caller : `${name}${where ? ` (${where})` : ''}`;
    for (const child of node.children ?? []) visit(child, frames, areas, callerName);
  };
  for (const root of roots) visit(root.id, [], [], '');

  const busyUs = [...selfByArea.values()].reduce((sum, us) => sum + us, 0);
  const rank = (entries: { name: string; where: string; us: number }[], limit = top): FunctionTime[] =>
    entries
      .sort((a, b) => b.us - a.us)
      .slice(0, limit)
      .map((entry) => ({ name: entry.name, where: entry.where, ms: entry.us / 1000, share: busyUs > 0 ? entry.us / busyUs : 0 }));
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    areas: rank([...selfByArea].map(([area, us]) => ({ name: area, where: '', us })), Infinity),
    areasInclusive: rank([...areaInclusive].map(([area, us]) => ({ name: area, where: '', us })), Infinity),
    self: rank([...selfByFunction.values()]),
    inclusive: rank([...inclusive.values()].filter((entry) => isProjectFile(entry.where))),
    packageInclusive: rank([...inclusive.values()].filter((entry) => entry.where.startsWith('node_modules/'))),
  };
}

function isProjectFile(where: string): boolean {
  return where.startsWith('engine/') || where.startsWith('bench/');
}

function location(url: string, line: number): string {
  if (!url) return '';
  if (!url.startsWith('file://')) return url;
  const path = relative(ROOT, fileURLToPath(url));
  // tsx's transformed project files report every function at line 1: the file alone says more.
  return path.endsWith('.ts') ? path : `${path}:${line + 1}`;
}

/** V8's own entries: the root of the tree, idle time, and time it could not attribute to a function. */
function isPseudoFrame(functionName: string, url: string): boolean {
  return !url && ['(root)', '(program)', '(idle)'].includes(functionName);
}

/**
 * The package (node_modules/<name>), project folder or node core a function belongs to. Functions
 * without a script are V8 builtins or C++ bindings (socket writes, SQLite's statements).
 */
function areaOf(functionName: string, url: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (isPseudoFrame(functionName, url)) return `V8 ${functionName}`;
    return 'builtins and native bindings';
  }
  if (url.startsWith('node:')) return 'node core';
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('file://')) {
    const path = relative(ROOT, fileURLToPath(url)).split('/');
    // bench/ holds the baseline server and the harness: name the file; engine/ by folder.
    if (path[0] === 'bench') return path.join('/').replace(/\.ts$/, '');
    return path.slice(0, Math.min(path.length - 1, 3)).join('/') || path.join('/');
  }
  return 'other';
}
