import type { GranteeKey } from '../../metadata/security/resolved-security.js';

/** A share the owner (or someone above them) gave by hand, kept on the record in `_shares`. */
export interface ManualShare {
  id: string;
  /** Who receives it: `u:<user id>`, `r:<role>`, `rs:<role>` or `g:<group>`. */
  to: GranteeKey;
  access: 'read' | 'edit';
  by: string;
  at: string;
}

/** What the shares open, as the record keeps it for queries: every grantee reads, edit grantees edit. */
export function shareIndex(shares: readonly ManualShare[]): { _readers: GranteeKey[]; _editors: GranteeKey[] } {
  return {
    _readers: [...new Set(shares.map((share) => share.to))],
    _editors: [...new Set(shares.filter((share) => share.access === 'edit').map((share) => share.to))],
  };
}
