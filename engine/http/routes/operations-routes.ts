import type { Express, RequestHandler } from 'express';
import { EngineError } from '../../errors/index.js';
import { msg, type Text } from '../../i18n/message.js';
import { metrics } from '../../observability/index.js';
import type { Platform } from '../../tenancy/index.js';
import { metricsAuthentication } from '../operator-authentication.js';
import type { Readiness } from '../readiness.js';

/** A store that does not answer the readiness check within this long counts as unreachable. */
const STORE_CHECK_MS = 2_000;
/** What a client is told to wait before it tries again while the engine starts or stops. */
const RETRY_AFTER_SECONDS = 5;

export interface OperationsOptions {
  metricsToken?: string;
  operatorToken?: string;
}

/**
 * What operators and orchestrators ask, outside every tenant and without a user: /health
 * (liveness: the process answers), /ready (it can serve: the store answers, the start-up is done)
 * and /metrics (Prometheus, behind a token).
 */
export function addOperationsRoutes(app: Express, platform: Platform, readiness: Readiness, options: OperationsOptions): void {
  // On the app itself, not a router mounted at /: every request would enter that router and walk
  // its routes (a few microseconds of a GET by id), where the app's own routes are only matched.
  // Liveness only: it stays 200 while the engine starts or stops, so nothing restarts a process
  // that is busy migrating. `transactional` says whether units of work are all-or-nothing.
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', store: platform.provider.kind, transactional: platform.provider.supportsTransactions !== false });
  });

  app.get('/ready', async (_req, res) => {
    if (readiness.state === 'starting') throw notReady('starting', msg`The engine is starting: the store is being opened and prepared.`);
    if (readiness.state === 'stopping') throw notReady('stopping', msg`The engine is shutting down and takes no new requests.`);
    if (!(await storeAnswers(platform))) throw notReady('store_unreachable', msg`The store does not answer.`);
    res.json({ status: 'ready', store: platform.provider.kind });
  });

  app.get('/metrics', metricsAuthentication(options.metricsToken, options.operatorToken), async (_req, res) => {
    res.set('Content-Type', metrics.contentType).send(await metrics.metrics());
  });
}

/**
 * Everything but the routes above waits for the start-up, and a shutdown answers what still
 * arrives on a kept-alive connection with 503 and closes it, so the client retries elsewhere.
 */
export function whileServing(readiness: Readiness): RequestHandler {
  return (_req, res, next) => {
    if (readiness.state === 'ready') return next();
    res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    if (readiness.state === 'stopping') {
      res.set('Connection', 'close');
      throw notReady('stopping', msg`The engine is shutting down and takes no new requests; try again in a moment.`);
    }
    throw notReady('starting', msg`The engine is starting; try again in a moment.`);
  };
}

function notReady(code: string, message: Text): EngineError {
  return new EngineError(code, 503, message);
}

async function storeAnswers(platform: Platform): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STORE_CHECK_MS)));
  try {
    return await Promise.race([platform.listTenants().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
