import { useState } from 'react';

/** The If-Match header of a change based on this tag; none without one (the change then applies to what is current). */
export function ifMatch(etag: string | undefined): Record<string, string> | undefined {
  return etag ? { 'If-Match': etag } : undefined;
}

/**
 * The ETag of a definition as its editor opened it, to send back in If-Match with the editor's
 * changes. It is kept while the queries refetch in the background: if someone else changed the
 * definition meanwhile, the save is refused (412, "changed by someone else") instead of overwriting
 * their change unseen. Each of the editor's own saves renews it with the tag the save answered.
 */
export function useOpenedEtag(opened: string | undefined) {
  const [own, setOwn] = useState<{ etag: string | undefined } | undefined>();
  const [first] = useState(opened);
  // Opened while the definition was still loading: the first tag that arrives is the one opened.
  const etag = own ? own.etag : (first ?? opened);
  return { etag, renew: (answer: unknown) => setOwn({ etag: (answer as { etag?: unknown } | undefined)?.etag as string | undefined }) };
}
