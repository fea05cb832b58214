import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The engine's folders form layers: each imports only folders listed below it in the `layers`
 * block of docs/architecture.md, type-only imports included. Imports that broke the order when
 * the check was introduced are listed in known-layer-violations.json; that list may only shrink.
 */

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENGINE = join(REPO, 'engine');
const BASELINE_FILE = join(REPO, 'tests', 'architecture', 'known-layer-violations.json');

interface Baseline {
  /** Upward imports per folder pair ("records -> approvals"), counted by import statement. */
  readonly upward: Record<string, number>;
  /** Folder cycles (strongly connected components of the folder graph), each sorted by name. */
  readonly cycles: readonly (readonly string[])[];
}

interface Import {
  readonly file: string;
  readonly specifier: string;
  readonly from: string;
  readonly to: string;
}

/** The `layers` block of docs/architecture.md, top layer first: one folder (or root file) a line. */
function layersTopFirst(): string[] {
  const doc = readFileSync(join(REPO, 'docs', 'architecture.md'), 'utf8');
  const block = /^```layers\n([\s\S]*?)^```/m.exec(doc);
  if (!block?.[1]) throw new Error('docs/architecture.md has no ```layers block');
  return block[1].split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
}

function engineFiles(dir = ENGINE): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return engineFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The folder directly under engine/ that holds a file; a file at the root is its own node. */
function nodeOf(path: string): string {
  return relative(ENGINE, path).split(sep)[0] ?? '';
}

/** Static imports and re-exports, `import('…')` and type-position `import('…').T`, relative only. */
const SPECIFIER = /^[ \t]*(?:import|export)\s[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^[ \t]*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function resolveSpecifier(file: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(file), specifier));
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

function engineImports(): Import[] {
  return engineFiles().flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(SPECIFIER)].flatMap((match) => {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (!specifier.startsWith('.')) return [];
      const target = resolveSpecifier(file, specifier);
      if (!target || relative(ENGINE, target).startsWith('..')) return [];
      return [{ file: relative(REPO, file), specifier, from: nodeOf(file), to: nodeOf(target) }];
    });
  });
}

/** Strongly connected components with more than one node (Tarjan). */
function folderCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = stack.splice(stack.indexOf(node));
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('engine layers (docs/architecture.md)', () => {
  const layers = layersTopFirst();
  const rank = new Map(layers.map((name, i) => [name, layers.length - i]));
  const imports = engineImports();
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;

  it('lists every engine folder and root file in the layers block', () => {
    const missing = [...new Set(engineFiles().map(nodeOf))].filter((node) => !rank.has(node)).sort();
    expect(missing, `add ${missing.join(', ')} to the layers block of docs/architecture.md, above everything it imports`).to.deep.equal([]);
  });

  it('has every import point to a lower layer, apart from the known violations', () => {
    const upward = new Map<string, Import[]>();
    for (const edge of imports) {
      if (edge.from === edge.to || (rank.get(edge.to) ?? 0) < (rank.get(edge.from) ?? 0)) continue;
      const pair = `${edge.from} -> ${edge.to}`;
      upward.set(pair, [...(upward.get(pair) ?? []), edge]);
    }
    const problems: string[] = [];
    for (const [pair, found] of upward) {
      const known = baseline.upward[pair] ?? 0;
      if (found.length <= known) continue;
      const lines = found.map((edge) => `    ${edge.file} imports '${edge.specifier}'`).join('\n');
      problems.push(`${pair}: ${found.length} upward imports, ${known} known. ${found[0]!.to} is not below ${found[0]!.from} in docs/architecture.md: ` +
        `move the imported code down to a layer below ${found[0]!.from}, or invert the dependency (a hook or an interface below, implemented above):\n${lines}`);
    }
    for (const [pair, known] of Object.entries(baseline.upward)) {
      const found = upward.get(pair)?.length ?? 0;
      if (found < known) problems.push(`${pair}: ${found} upward imports left, ${known} known: lower it to ${found} in ${relative(REPO, BASELINE_FILE)}${found === 0 ? ' (remove the entry)' : ''}`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('has no folder cycle beyond the known ones', () => {
    const edges = new Map<string, Set<string>>();
    for (const edge of imports) {
      if (edge.from !== edge.to) edges.set(edge.from, (edges.get(edge.from) ?? new Set()).add(edge.to));
    }
    const found = folderCycles(edges).map((cycle) => cycle.join(', ')).sort();
    const known = baseline.cycles.map((cycle) => [...cycle].sort().join(', ')).sort();
    const added = found.filter((cycle) => !known.includes(cycle));
    const gone = known.filter((cycle) => !found.includes(cycle));
    expect(added, `new or grown folder cycle: ${added.join('; ')}. An import closed it; find it with the upward-import test above and move the imported code down`).to.deep.equal([]);
    expect(gone, `folder cycle broken or shrunk: ${gone.join('; ')}. Replace it in ${relative(REPO, BASELINE_FILE)} with what remains: ${found.join('; ') || 'none'}`).to.deep.equal([]);
  });
});
