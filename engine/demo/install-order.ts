import type { Pack } from '../packs/index.js';

/** The packs of the packs folder in the order they can be installed, and those that never can. */
export interface InstallOrder {
  /** Each after the packs it requires (those the folder has); of the packs ready to go, the first by name. */
  readonly ordered: readonly Pack[];
  /** Packs that require each other in a circle, and those that require them: none of them can go first. */
  readonly circular: readonly string[];
}

/**
 * Orders packs by their manifests' `requires.packs`, as a package manager orders a dependency
 * tree: a pack comes after every required pack the folder holds. A requirement the folder lacks
 * does not hold the order up; the install then refuses that pack, and the demo skips it.
 */
export function installOrder(packs: readonly Pack[]): InstallOrder {
  const byName = new Map(packs.map((pack) => [pack.manifest.name, pack]));
  const placed = new Set<string>();
  const ordered: Pack[] = [];
  const waiting = [...byName.keys()].sort();
  const ready = (name: string) => Object.keys(byName.get(name)!.manifest.requires?.packs ?? {}).every((needed) => placed.has(needed) || !byName.has(needed));
  // Kahn's algorithm, always taking the first ready pack by name: the same order on every machine.
  for (let next = waiting.findIndex(ready); next >= 0; next = waiting.findIndex(ready)) {
    const [name] = waiting.splice(next, 1);
    placed.add(name!);
    ordered.push(byName.get(name!)!);
  }
  return { ordered, circular: waiting };
}
