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
}

/** Reads the configuration from the environment; README's "Configuration" lists the same names. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const durability = env.DURABILITY ?? 'process';
  if (durability !== 'process' && durability !== 'power') throw new Error(`DURABILITY must be 'process' or 'power', got '${durability}'`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}),
    durability,
  };
}
