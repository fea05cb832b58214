import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The engine's folders form layers: each imports only folders listed below it in the `layers`
 * block of docs/architecture.md, type-only imports included, so no two folders depend on each other.
 */

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENGINE = join(REPO, 'engine');

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

  it('lists every engine folder and root file in the layers block', () => {
    const missing = [...new Set(engineFiles().map(nodeOf))].filter((node) => !rank.has(node)).sort();
    expect(missing, `add ${missing.join(', ')} to the layers block of docs/architecture.md, above everything it imports`).to.deep.equal([]);
  });

  it('has every import point to a lower layer', () => {
    const problems = imports
      .filter((edge) => edge.from !== edge.to && (rank.get(edge.to) ?? 0) >= (rank.get(edge.from) ?? 0))
      .map((edge) => `${edge.file} imports '${edge.specifier}', but ${edge.to} is not below ${edge.from} in docs/architecture.md: ` +
        `move the imported code down to a layer below ${edge.from}, or invert the dependency (a hook or an interface below, implemented above)`);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('has no folder cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const edge of imports) {
      if (edge.from !== edge.to) edges.set(edge.from, (edges.get(edge.from) ?? new Set()).add(edge.to));
    }
    const cycles = folderCycles(edges).map((cycle) => cycle.join(', '));
    expect(cycles, `folders that import each other: ${cycles.join('; ')}. The upward import that closes each cycle is named above`).to.deep.equal([]);
  });
});
