/**
 * Who acts. Until sign-in exists (the identity issue), every request acts as the tenant's built-in
 * administrator; the shape is already the one the record pipeline and the history record.
 */
export interface Principal {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export const BUILT_IN_ADMIN: Principal = { userId: 'admin', isAdmin: true };

/** The engine itself, for work no user asked for (purging the recycle bin, timers). */
export const SYSTEM_PRINCIPAL: Principal = { userId: 'system', isAdmin: true };
