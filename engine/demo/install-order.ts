import type { Pack } from '../packs/index.js';

/** The packs of the packs folder in the order they can be installed, and those that never can. */
export interface InstallOrder {
  /** Each after the packs it requires (those the folder has), alphabetically where the order is free. */
  readonly ordered: readonly Pack[];
  /** Packs that require each other in a circle: none of them can go first. */
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
  let waiting = [...byName.keys()].sort();
  for (let progress = true; progress && waiting.length > 0; ) {
    progress = false;
    for (const name of waiting) {
      const needs = Object.keys(byName.get(name)!.manifest.requires?.packs ?? {}).filter((needed) => byName.has(needed));
      if (!needs.every((needed) => placed.has(needed))) continue;
      placed.add(name);
      ordered.push(byName.get(name)!);
      progress = true;
    }
    waiting = waiting.filter((name) => !placed.has(name));
  }
  return { ordered, circular: waiting };
}
