import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../../errors/index.js';
import { presentRecord, type StoredRecord } from '../../records/index.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { issueToken, listTokens, revokeToken } from '../../security/api-tokens.js';
import { SESSION_COOKIE } from '../../security/authenticate.js';
import { checkPasswordPolicy, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../security/passwords.js';
import { checkCurrentPassword, sessionCsrfToken, setPassword, signIn, signOut, SESSION_HOURS } from '../../security/sign-in.js';
import { principalOf as principalFromUser, type Principal } from '../../context/index.js';
import type { RequestHandler } from 'express';
import { requestTenant } from '../request-tenant.js';
import { userAccess } from '../../security/access/index.js';
import { clientAddress } from '../rate-limits.js';
import { SignInThrottledError } from '../../security/sign-in-throttle.js';
import { userCredentialRoutes } from './user-credential-routes.js';
import { msg } from '../../i18n/message.js';

const principalOf = (res: Response): Principal & { session?: string } => res.locals.principal as Principal & { session?: string };

/**
 * /api/v1/auth: sign-in (public), and for the signed-in user: sign-out, who am I, password, API
 * tokens. The session cookie is HttpOnly and SameSite=Lax; its CSRF token comes back in the body.
 */
export function publicAuthRoutes(): Router {
  const router = Router();
  router.post('/login', async (req, res) => {
    const tenant = requestTenant(res);
    const body = (req.body ?? {}) as { email?: unknown; password?: unknown };
    const signedIn = await signIn(tenant, body.email, body.password, clientAddress(req)).catch((error: unknown) => {
      if (error instanceof SignInThrottledError) res.set('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    res.cookie(SESSION_COOKIE, signedIn.session, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: SESSION_HOURS * 3600 * 1000,
    });
    const rights = userAccess(tenant.metadata.snapshot, principalFromUser(signedIn.user)).system;
    res.json({ user: presentRecord(signedIn.user), rights, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt });
  });
  return router;
}

export function authRoutes(authenticated: RequestHandler): Router {
  const router = Router();
  router.use(authenticated);

  router.post('/logout', async (_req, res) => {
    const principal = principalOf(res);
    if (principal.session) await signOut(requestTenant(res), principal.session, principal.userId);
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });

  // With a session, the answer carries its CSRF token: a page reloaded by the web app gets it back
  // without keeping it in storage. Only a same-origin script can read this answer (no CORS).
  router.get('/me', async (_req, res) => {
    const tenant = requestTenant(res);
    const principal = principalOf(res);
    const users = tenant.metadata.snapshot.object('user')!;
    const user = await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: principal.userId }));
    if (!user) throw new NotFoundError(msg`Your user record is gone.`);
    const csrfToken = principal.session ? await sessionCsrfToken(tenant, principal.session) : undefined;
    // The same rights the engine checks with, so the web app offers only what the user may do.
    const rights = userAccess(tenant.metadata.snapshot, principal).system;
    res.set('Cache-Control', 'no-store').json({ user: presentRecord(user), rights, ...(csrfToken ? { csrfToken } : {}) });
  });

  // The rules, so a page can state them before the user types; the POST checks them anyway.
  router.get('/password-policy', (_req, res) => {
    res.json({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });
  });

  router.post('/password', async (req, res) => {
    const tenant = requestTenant(res);
    const { userId, session } = principalOf(res);
    const body = (req.body ?? {}) as { current?: unknown; password?: unknown };
    await checkCurrentPassword(tenant, userId, body.current, clientAddress(req));
    await setPassword(tenant, userId, checkPasswordPolicy(body.password), userId, session);
    res.status(204).end();
  });

  userCredentialRoutes(router);

  router.get('/tokens', async (_req, res) => {
    res.json({ tokens: await listTokens(requestTenant(res), principalOf(res).userId) });
  });
  router.post('/tokens', async (req, res) => {
    const issued = await issueToken(requestTenant(res), principalOf(res).userId, (req.body as { name?: unknown } | undefined)?.name);
    res.status(201).json(issued);
  });
  router.delete('/tokens/:id', async (req: Request<{ id: string }>, res) => {
    await revokeToken(requestTenant(res), principalOf(res).userId, req.params.id);
    res.status(204).end();
  });
  return router;
}
