import express, { type Express, type Request } from 'express';
import { resolve } from 'node:path';
import { NotFoundError } from '../errors/index.js';
import type { Platform } from '../tenancy/index.js';
import { errorMiddleware } from './error-middleware.js';
import { checkJsonNesting } from './json-nesting.js';
import { checkUtf8Body, utf8QueryCheck } from './utf8-input.js';
import { docsRoutes } from './routes/docs-routes.js';
import { formRoutes } from './routes/form-routes.js';
import { metaRoutes } from './routes/meta-routes.js';
import { openApiRoutes } from './routes/openapi-routes.js';
import { recordRoutes } from './routes/record-routes.js';
import { printRoutes } from './routes/print-routes.js';
import { PdfRenderer } from '../templates/index.js';
import { sharingRoutes } from './routes/sharing-routes.js';
import { automationRoutes } from './routes/automation-routes.js';
import { inboxRoutes, recordApprovalRoutes } from './routes/approval-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { reportRunRoutes } from './routes/report-run-routes.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { recycleBinRoutes } from './routes/recycle-bin-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { changeRoutes } from './routes/change-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { jobRoutes, outboxRoutes } from './routes/job-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import { authRoutes, publicAuthRoutes } from './routes/auth-routes.js';
import { authenticationMiddleware } from './authentication-middleware.js';
import { operatorRoutes } from './routes/operator-routes.js';
import { attachmentRoutes, isFileUpload } from './routes/attachment-routes.js';
import { apiRateLimit, DEFAULT_RATE_LIMITS, loginRateLimit, type RateLimitOptions } from './rate-limits.js';
import { tenantMiddleware } from './request-tenant.js';
import { studioRoutes } from './studio-routes.js';
import { uiRoutes } from './routes/ui-routes.js';
import { securityHeaders } from './security-headers.js';
import { countRequests } from './count-requests.js';
import { inSeries } from './in-series.js';
import { msg } from '../i18n/message.js';
import { packRoutes } from './routes/pack-routes.js';
import { bulkRoutes, isBulkRequest } from './routes/bulk-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { noteRouteBases, observeRequests } from './observe-requests.js';
import { addOperationsRoutes, whileServing } from './routes/operations-routes.js';
import { Readiness } from './readiness.js';

export interface AppOptions {
  /** Largest JSON body accepted; larger ones get 413. */
  bodyLimit?: string;
  /** Largest file a record may get, in bytes (FILE_SIZE_LIMIT_MB); 25 MB by default. */
  fileSizeLimit?: number;
  /** The platform operator's secret for /api/operator; without it that API answers 404. */
  operatorToken?: string;
  /** Sign-in and per-user request limits; each one left out takes its default. */
  rateLimits?: RateLimitOptions;
  /** The built web app served at / (studio/dist by default). */
  studioDir?: string;
  /** PUBLIC_URL: the address users open; an https:// one turns on HSTS and upgrade-insecure-requests. */
  publicUrl?: string;
  /**
   * TRUST_PROXY: express's `trust proxy` (true, a hop count, or addresses such as 'loopback'), so
   * X-Forwarded-Proto https from that proxy counts as HTTPS (secure cookies, HSTS, upgrades).
   */
  trustProxy?: boolean | number | string;
  /** PACKS_DIR: the folder of packs an admin may install (plugins/ by default). */
  packsDir?: string;
  /** The PDF printer of record prints (start-engine makes one from CHROMIUM_PATH and closes it at stop). */
  pdf?: PdfRenderer;
  /** METRICS_TOKEN: the bearer token Prometheus sends to read /metrics (the operator token works too). */
  metricsToken?: string;
  /** BACKUP_DIR: where the operator API writes and finds backups (./backups by default). */
  backupDir?: string;
}

export const DEFAULT_BACKUP_DIR = 'backups';

/** The engine's HTTP face: thin routes over the operations, one error mapping at the end. */
export function createApp(platform: Platform, options: AppOptions = {}, readiness: Readiness = new Readiness('ready')): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.set('etag', false);
  app.use(
    inSeries([
      countRequests(),
      observeRequests(),
      // Security headers on every response: no sniffing, no framing, a content security policy that
      // only allows this server's own scripts (the web app and the API reference included).
      securityHeaders({ ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) }),
      // The UTF-8 and nesting checks read the raw bytes before JSON.parse: nothing decodes a body that
      // is not UTF-8 into replacement characters, nothing recursive ever sees a deeper body.
      utf8QueryCheck(),
    ]),
  );
  app.use(
    express.json({
      limit: options.bodyLimit ?? '1mb',
      strict: false,
      type: (req) => !isFileUpload(req as Request) && !isBulkRequest(req as Request) && /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''),
      verify: (_req, _res, body, charset) => {
        checkUtf8Body(body, charset);
        checkJsonNesting(body, '');
      },
    }),
  );

  addOperationsRoutes(app, platform, readiness, { ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}), ...(options.operatorToken ? { operatorToken: options.operatorToken } : {}) });
  app.use(whileServing(readiness));
  // Public: the API reference's static page and the sign-in; everything else needs a principal.
  // The operator's routes stand outside every tenant; all other /api routes work in the tenant the
  // X-Tenant header names (the default tenant without it).
  app.use('/api/docs', docsRoutes());
  app.use('/api/operator', operatorRoutes(platform, options.operatorToken, options.backupDir ?? resolve(DEFAULT_BACKUP_DIR)));
  app.use('/api', tenantMiddleware(platform));
  const limits = options.rateLimits ?? {};
  app.post('/api/v1/auth/login', loginRateLimit(limits.loginPerMinute ?? DEFAULT_RATE_LIMITS.loginPerMinute));
  app.use('/api/v1/auth', publicAuthRoutes());
  const authenticated = inSeries([authenticationMiddleware(), apiRateLimit(limits.apiPerMinute ?? DEFAULT_RATE_LIMITS.apiPerMinute)]);
  app.use('/api/v1/auth', authRoutes(authenticated));
  app.use('/api', authenticated);
  app.use('/api/v1/meta', metaRoutes(platform));
  // A record's own reads and writes first: they are most of the traffic, and the router tries each
  // route in turn. No route of the routers after them has one or two segments, so none is shadowed
  // by `/:object/:id`; the report routes' `/:object/summary` and `/:object/export` come before it.
  app.use('/api/v1/records', reportRoutes(platform));
  app.use('/api/v1/records', recordRoutes(platform));
  app.use('/api/v1/records', sharingRoutes(platform));
  app.use('/api/v1/records', automationRoutes(platform));
  app.use('/api/v1/records', recordApprovalRoutes(platform));
  app.use('/api/v1/approvals', inboxRoutes(platform));
  app.use('/api/v1/reports', reportRunRoutes(platform));
  app.use('/api/v1/dashboards', dashboardRoutes(platform));
  app.use('/api/v1/records', attachmentRoutes(platform, options.fileSizeLimit));
  app.use('/api/v1/records', printRoutes(platform, options.pdf ?? new PdfRenderer()));
  app.use('/api/v1/bulk', bulkRoutes(platform));
  app.use('/api/v1/imports', importRoutes(platform));
  app.use('/api/v1/recycle-bin', recycleBinRoutes(platform));
  app.use('/api/v1/search', searchRoutes(platform));
  app.use('/api/v1/changes', changeRoutes(platform));
  app.use('/api/v1/audit', auditRoutes(platform));
  app.use('/api/v1/jobs', jobRoutes(platform));
  app.use('/api/v1/outbox', outboxRoutes(platform));
  app.use('/api/v1/webhooks', webhookRoutes(platform));
  app.use('/api/v1/forms', formRoutes(platform));
  app.use('/api/v1/ui', uiRoutes(platform));
  app.use('/api/v1/packs', packRoutes(platform));
  app.use('/api/v1', openApiRoutes(platform));
  app.use('/api', () => {
    throw new NotFoundError(msg`There is no such API route; see /api/docs for the API reference.`);
  });
  // The web app last: its client-side routes answer every other GET that asks for HTML.
  app.use(studioRoutes(options.studioDir));
  app.use(errorMiddleware);
  noteRouteBases(app);
  return app;
}
