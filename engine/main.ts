import { configFromEnv } from './config.js';
import { startEngine } from './start-engine.js';

const config = configFromEnv();
const engine = await startEngine(config);
const where = config.mongodbUri ? 'MongoDB' : `the embedded store in ${config.dataDir}`;
console.log(`CRM platform listening on ${engine.url.replace('127.0.0.1', 'localhost')} (${where})`);
console.log(`Web app: ${engine.url.replace('127.0.0.1', 'localhost')}/ (sign in there); API reference: ${engine.url.replace('127.0.0.1', 'localhost')}/api/docs`);
if (engine.firstAdmin) {
  const { email, generatedPassword } = engine.firstAdmin;
  console.log(`First administrator created: sign in as ${email}` + (generatedPassword ? ` with the password ${generatedPassword} (shown once: change it with POST /api/v1/auth/password)` : ' with ADMIN_PASSWORD'));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void engine.stop().then(() => process.exit(0));
  });
}
