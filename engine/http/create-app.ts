import express, { type Express } from 'express';
import helmet from 'helmet';
import { NotFoundError } from '../errors/index.js';
import type { Platform } from '../tenancy/index.js';
import { errorMiddleware } from './error-middleware.js';
import { docsRoutes } from './routes/docs-routes.js';
import { formRoutes } from './routes/form-routes.js';
import { metaRoutes } from './routes/meta-routes.js';
import { openApiRoutes } from './routes/openapi-routes.js';
import { recordRoutes } from './routes/record-routes.js';
import { recycleBinRoutes } from './routes/recycle-bin-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes, publicAuthRoutes } from './routes/auth-routes.js';
import { authenticationMiddleware } from './authentication-middleware.js';

export interface AppOptions {
  /** Largest JSON body accepted; larger ones get 413. */
  bodyLimit?: string;
}

/** The engine's HTTP face: thin routes over the operations, one error mapping at the end. */
export function createApp(platform: Platform, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  // Security headers on every response: no sniffing, no framing, a content security policy that
  // only allows this server's own scripts (the API reference included).
  app.use(helmet());
  app.set('etag', false);
  app.use(express.json({ limit: options.bodyLimit ?? '1mb', strict: false }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', store: platform.provider.kind });
  });
  // Public: the API reference's static page and the sign-in; everything else needs a principal.
  app.use('/api/docs', docsRoutes());
  app.use('/api/v1/auth', publicAuthRoutes(platform));
  const authenticated = authenticationMiddleware(platform);
  app.use('/api/v1/auth', authRoutes(platform, authenticated));
  app.use('/api', authenticated);
  app.use('/api/v1/meta', metaRoutes(platform));
  app.use('/api/v1/records', recordRoutes(platform));
  app.use('/api/v1/recycle-bin', recycleBinRoutes(platform));
  app.use('/api/v1/audit', auditRoutes(platform));
  app.use('/api/v1/forms', formRoutes(platform));
  app.use('/api/v1', openApiRoutes(platform));
  app.use('/api', () => {
    throw new NotFoundError('There is no such API route; see /api/docs for the API reference.');
  });
  app.use(errorMiddleware);
  return app;
}
