import { resolve } from 'node:path';
import type { Durability } from './store/embedded/index.js';

export interface EngineConfig {
  port: number;
  host: string;
  /** Where the embedded store keeps its files (one directory per tenant). */
  dataDir: string;
  /** When set, MongoDB replaces the embedded store. */
  mongodbUri?: string;
  durability: Durability;
  /** Days a deleted record stays in the recycle bin before it is purged for good. */
  recycleBinDays?: number;
  /** The first administrator of a tenant without users; without a password one is generated and printed. */
  admin?: { email?: string; password?: string };
}

/** Reads the configuration from the environment; README's "Configuration" lists the same names. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const durability = env.DURABILITY ?? 'process';
  if (durability !== 'process' && durability !== 'power') throw new Error(`DURABILITY must be 'process' or 'power', got '${durability}'`);
  const recycleBinDays = Number(env.RECYCLE_BIN_DAYS ?? 15);
  if (!Number.isFinite(recycleBinDays) || recycleBinDays < 0) throw new Error(`RECYCLE_BIN_DAYS must be a number of days, got '${env.RECYCLE_BIN_DAYS}'`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}),
    durability,
    recycleBinDays,
    admin: { ...(env.ADMIN_EMAIL ? { email: env.ADMIN_EMAIL } : {}), ...(env.ADMIN_PASSWORD ? { password: env.ADMIN_PASSWORD } : {}) },
  };
}
