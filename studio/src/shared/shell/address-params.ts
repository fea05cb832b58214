/**
 * The address's search parameters as they are now, for a change to start from. React Router hands
 * a render's parameters to `setSearchParams(prev => …)` (remix-run/react-router#9757) and commits a
 * search-only navigation as a transition even with `flushSync` (its final state update drops the
 * option), so a second pick made before that render committed wrote the address back without the
 * first: Explain access lost the user picked a moment before the object. The address itself is
 * updated before the render, so every change built on it keeps the changes before it.
 */
export function addressParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** The current address's parameters with `changes` applied: a value sets its key, undefined or '' removes it. */
export function changedAddressParams(changes: Readonly<Record<string, string | undefined>>): URLSearchParams {
  const next = addressParams();
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
