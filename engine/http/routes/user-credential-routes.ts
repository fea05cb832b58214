import { Router, type Request, type Response } from 'express';
import { ForbiddenError, NotFoundError } from '../../errors/index.js';
import type { StoredRecord } from '../../records/index.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { listTokens, revokeToken } from '../../security/api-tokens.js';
import { checkSystemRight } from '../../security/object-access.js';
import { endSessions, listSessions, revokeAllTokens } from '../../security/sessions.js';
import { checkPasswordPolicy } from '../../security/passwords.js';
import { setPassword } from '../../security/sign-in.js';
import { checkUserTarget, USER_ACTION_WORDS, type UserAction } from '../../security/user-rights-guard.js';
import { operationContext, type Principal } from '../../context/index.js';
import { requestTenant } from '../request-tenant.js';
import { msg } from '../../i18n/message.js';

/**
 * /api/v1/auth/users/:id/...: what those who manage users do to another user's credentials: set
 * the password, list and revoke API tokens, list and end sessions. Each needs the manage-users
 * right and every right the user holds (user-rights-guard.ts).
 */
export function userCredentialRoutes(router: Router): void {
  router.post('/users/:id/password', async (req: Request<{ id: string }>, res) => {
    const { principal } = await managedUser(res, req.params.id, 'set the password of');
    if (req.params.id === principal.userId) {
      throw new ForbiddenError(msg`Change your own password with POST /api/v1/auth/password, which asks for the current one.`);
    }
    await setPassword(requestTenant(res), req.params.id, checkPasswordPolicy((req.body as { password?: unknown } | undefined)?.password), principal.userId);
    res.status(204).end();
  });

  router.get('/users/:id/tokens', async (req: Request<{ id: string }>, res) => {
    await managedUser(res, req.params.id, 'see the sign-ins of');
    res.json({ tokens: await listTokens(requestTenant(res), req.params.id) });
  });
  router.delete('/users/:id/tokens', async (req: Request<{ id: string }>, res) => {
    const { principal } = await managedUser(res, req.params.id, 'revoke the sign-ins of');
    await revokeAllTokens(requestTenant(res), req.params.id, principal.userId);
    res.status(204).end();
  });
  router.delete('/users/:id/tokens/:token', async (req: Request<{ id: string; token: string }>, res) => {
    const { principal } = await managedUser(res, req.params.id, 'revoke the sign-ins of');
    await revokeToken(requestTenant(res), req.params.id, req.params.token, principal.userId);
    res.status(204).end();
  });

  router.get('/users/:id/sessions', async (req: Request<{ id: string }>, res) => {
    await managedUser(res, req.params.id, 'see the sign-ins of');
    res.json({ sessions: await listSessions(requestTenant(res), req.params.id) });
  });
  router.delete('/users/:id/sessions', async (req: Request<{ id: string }>, res) => {
    const { principal } = await managedUser(res, req.params.id, 'revoke the sign-ins of');
    await endSessions(requestTenant(res), req.params.id, principal.userId);
    res.status(204).end();
  });
  router.delete('/users/:id/sessions/:session', async (req: Request<{ id: string; session: string }>, res) => {
    const { principal } = await managedUser(res, req.params.id, 'revoke the sign-ins of');
    await endSessions(requestTenant(res), req.params.id, principal.userId, req.params.session);
    res.status(204).end();
  });
}

/** The user the route names, once the caller is allowed to act on them: 403 before 404, as elsewhere. */
async function managedUser(res: Response, id: string, action: UserAction): Promise<{ user: StoredRecord; principal: Principal }> {
  const principal = res.locals.principal as Principal;
  const tenant = requestTenant(res);
  const ctx = operationContext(tenant, principal, 'api');
  checkSystemRight(ctx, 'manageUsers', msg`Only users who may manage users can ${USER_ACTION_WORDS[action]} another user.`);
  const users = ctx.snapshot.object('user')!;
  const user = await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: id }));
  if (!user) throw new NotFoundError(msg`There is no user with id '${id}'.`);
  checkUserTarget(ctx, users, user, action);
  return { user, principal };
}
