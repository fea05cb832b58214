import type { PackDefinition, PackKind } from './pack-kind.js';

/** One definition of a pack's kind as the snapshot keeps it: as written, and what the kind's compile made of it. */
export interface KeptPackDefinition {
  readonly definition: PackDefinition;
  readonly compiled: unknown;
}

/**
 * The kinds the packs installed in a tenant add, with their definitions as one snapshot holds
 * them: a request sees the kinds of the metadata version it runs on, so an install that adds a
 * kind and its definitions lands in one version, and an uninstall takes both away in one.
 */
export class PackKindSet {
  constructor(
    readonly kinds: ReadonlyMap<string, PackKind>,
    private readonly definitions: ReadonlyMap<string, ReadonlyMap<string, KeptPackDefinition>> = new Map(),
  ) {}

  kind(name: string): PackKind | undefined {
    return this.kinds.get(name);
  }

  /** The kinds, by name. */
  all(): PackKind[] {
    return [...this.kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
  }

  find(kind: string, name: string): PackDefinition | undefined {
    return this.definitions.get(kind)?.get(name)?.definition;
  }

  /** The definitions of one kind, by name. */
  list(kind: string): PackDefinition[] {
    return [...(this.definitions.get(kind)?.values() ?? [])].map((kept) => kept.definition).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** What the kind's compile made of one definition (the definition itself for a kind without one); undefined when there is none of that name. */
  compiled(kind: string, name: string): unknown {
    return this.definitions.get(kind)?.get(name)?.compiled;
  }
}

export const NO_PACK_KINDS = new PackKindSet(new Map());
