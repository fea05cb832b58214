/**
 * Every part of a definition stored under `key` that `guard` accepts, with its JSON pointer,
 * wherever it stands: steps, their enter and leave actions, a process's or rule's own actions.
 * Walking by shape, not by the kinds' layout, keeps every place covered when a kind grows a new one.
 */
export function* keyedParts<T>(definition: unknown, key: string, guard: (value: unknown) => value is T, at = ''): Generator<{ path: string; part: T }> {
  if (Array.isArray(definition)) {
    for (const [index, item] of definition.entries()) yield* keyedParts(item, key, guard, `${at}/${index}`);
    return;
  }
  if (definition === null || typeof definition !== 'object') return;
  for (const [name, inner] of Object.entries(definition)) {
    const path = `${at}/${name}`;
    if (name === key && guard(inner)) yield { path, part: inner };
    else yield* keyedParts(inner, key, guard, path);
  }
}
