/**
 * Who acts. Until sign-in exists (the identity issue), every request acts as the tenant's built-in
 * administrator; the shape is already the one the record pipeline and the history record.
 */
export interface Principal {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export const BUILT_IN_ADMIN: Principal = { userId: 'admin', isAdmin: true };
