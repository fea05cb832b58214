import { createDefinitionAjv } from '../create-ajv.js';
import type { Snapshot } from '../snapshot.js';
import { VERBS, type KindApi, type KindDescription, type Verb } from './kind-description.js';

/** The one ajv the kinds compile their schemas with: it holds common.schema.json, which they refer to. */
const ajv = createDefinitionAjv();

/** What a kind's folder writes; the rest follows from it. */
export type KindInput<K extends string, D extends { readonly name: string }, V extends Verb, A extends KindApi | null> = Omit<
  KindDescription<K, D, V, A>,
  'validate' | 'path' | 'componentPrefix' | 'verbs'
> & {
  /** The changes it knows, when not all three. */
  readonly verbs?: readonly V[];
};

/**
 * A kind's description from what its folder says: its schema compiled once, its path the plural in
 * kebab-case (permissionSets: permission-sets), its OpenAPI prefix its name in PascalCase, every
 * verb unless it says otherwise.
 */
export function defineKind<K extends string, D extends { readonly name: string }, V extends Verb = Verb, A extends KindApi | null = KindApi>(
  input: KindInput<K, D, V, A>,
): KindDescription<K, D, V, A> {
  return {
    ...input,
    validate: ajv.compile<D>(input.schema),
    path: input.plural.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
    componentPrefix: input.kind[0]!.toUpperCase() + input.kind.slice(1),
    verbs: input.verbs ?? (VERBS as readonly V[]),
  };
}

/** `find` and `list` of a kind the snapshot keeps in a map by name, each compiled form holding its definition as written. */
export function keptIn<D extends { readonly name: string }>(map: (snapshot: Snapshot) => ReadonlyMap<string, { readonly definition: D }>): Pick<KindDescription<string, D>, 'find' | 'list'> {
  return {
    find: (snapshot, name) => map(snapshot).get(name)?.definition,
    list: (snapshot) => [...map(snapshot).values()].map((kept) => kept.definition),
  };
}
