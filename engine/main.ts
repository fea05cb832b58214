import { configFromEnv } from './config.js';
import { demoReport } from './demo/index.js';
import { log } from './observability/index.js';
import { startEngine, type RunningEngine } from './start-engine.js';

let engine: RunningEngine;
try {
  const config = configFromEnv();
  engine = await startEngine(config);
  const where = config.mongodbUri ? 'MongoDB' : `the embedded store in ${config.dataDir}`;
  console.log(`CRM platform listening on ${engine.url.replace('127.0.0.1', 'localhost')} (${where})`);
  console.log(`Web app: ${engine.url.replace('127.0.0.1', 'localhost')}/ (sign in there); API reference: ${engine.url.replace('127.0.0.1', 'localhost')}/api/docs`);
} catch (error) {
  // A refused start (a setting, a data directory in use) is a message for the operator, not a stack trace.
  console.error(`The CRM platform did not start: ${error instanceof Error ? error.message : String(error)}`);
  log.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
if (engine.firstAdmin) {
  const { email, generatedPassword } = engine.firstAdmin;
  console.log(`First administrator created: sign in as ${email}` + (generatedPassword ? ` with the password ${generatedPassword} (shown once: change it with POST /api/v1/auth/password)` : ' with ADMIN_PASSWORD'));
}
if (engine.demo) console.log(demoReport(engine.demo));

// SIGTERM (an orchestrator) or SIGINT (Ctrl-C): a graceful shutdown within SHUTDOWN_GRACE_MS,
// exit 0 when every request and job finished in it, 1 when some had to be cut. A second signal
// during the shutdown exits at once.
let shuttingDown = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (shuttingDown) {
      log.warn({ signal }, 'shutdown: a second signal, exiting at once');
      process.exit(1);
    }
    shuttingDown = true;
    log.info({ signal }, 'shutdown: no new requests; finishing the running ones');
    void engine.shutdown().then(
      ({ clean }) => {
        log.info({ clean }, 'shutdown: the store is closed');
        process.exit(clean ? 0 : 1);
      },
      (error: unknown) => {
        log.fatal({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
