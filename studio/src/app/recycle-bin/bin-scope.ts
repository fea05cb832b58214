import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { ObjectRights } from '../../shared/metadata/use-objects';

/**
 * Whose deleted records the bin shows: the server lists everyone's for the objects the user may
 * modify all of, and only the user's own for the rest. The page's subtitle says which.
 */
export type BinScope = { readonly kind: 'own' } | { readonly kind: 'everyone' } | { readonly kind: 'some'; readonly objects: readonly ObjectDefinition[] };

export function binScope(objects: readonly ObjectDefinition[], rights: (name: string) => ObjectRights): BinScope {
  const everyone = objects.filter((object) => rights(object.name).modifyAll);
  if (everyone.length === 0) return { kind: 'own' };
  if (everyone.length === objects.length) return { kind: 'everyone' };
  return { kind: 'some', objects: everyone };
}
