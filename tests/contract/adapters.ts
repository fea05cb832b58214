import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { EmbeddedStoreProvider } from '../../engine/store/embedded/index.js';
import type { Store, StoreProvider } from '../../engine/store/port.js';

/** One adapter the contract suite runs against: how to start it, and how to leave nothing behind. */
export interface ContractAdapter {
  readonly kind: StoreProvider['kind'];
  /** Starts a provider with empty storage; called once per test file. */
  start(): Promise<StoreProvider>;
  /** Closes the provider and removes everything the run stored. */
  stop(): Promise<void>;
}

export const MONGODB_SKIPPED = 'mongodb adapter skipped: set MONGODB_URI to run the contract suite against MongoDB';

/** A fresh data directory under os.tmpdir(), removed after the file's tests. */
export function embeddedAdapter(): ContractAdapter {
  let dir: string | undefined;
  let provider: StoreProvider | undefined;
  return {
    kind: 'embedded',
    async start() {
      dir = await mkdtemp(join(tmpdir(), 'crm-store-contract-'));
      provider = new EmbeddedStoreProvider(dir, 'process');
      return provider;
    },
    async stop() {
      await provider?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A unique database prefix per run; every database that starts with it is dropped after. */
export function mongodbAdapter(uri: string): ContractAdapter {
  const databasePrefix = `ct_${randomBytes(4).toString('hex')}_`;
  let provider: StoreProvider | undefined;
  return {
    kind: 'mongodb',
    async start() {
      // Imported here so that the embedded run needs neither the adapter nor a server.
      const { MongoStoreProvider } = await import('../../engine/store/mongodb/index.js');
      provider = await MongoStoreProvider.connect(uri, { databasePrefix });
      return provider;
    },
    async stop() {
      if (!provider) return; // never connected: nothing was stored
      await provider.close();
      const client = await MongoClient.connect(uri);
      try {
        const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
        for (const { name } of databases) {
          if (name.startsWith(databasePrefix)) await client.db(name).dropDatabase();
        }
      } finally {
        await client.close();
      }
    },
  };
}

/** Embedded always; mongodb only when MONGODB_URI is set. */
export function contractAdapters(): { adapters: ContractAdapter[]; skipped: string[] } {
  const uri = process.env.MONGODB_URI;
  return uri
    ? { adapters: [embeddedAdapter(), mongodbAdapter(uri)], skipped: [] }
    : { adapters: [embeddedAdapter()], skipped: [MONGODB_SKIPPED] };
}

export interface AdapterContext {
  readonly kind: StoreProvider['kind'];
  readonly provider: StoreProvider;
  /** A store of a tenant no other test has used: every test starts from nothing. */
  readonly store: Store;
  /** Opens another tenant no other test has used. */
  freshTenant(): Promise<Store>;
  /**
   * Skips the running test, saying why, when units of work cannot be all-or-nothing: the mongodb
   * adapter on a standalone mongod (no transactions) runs each write of a unit on its own.
   */
  requireAtomicUnits(test: Mocha.Context): void;
}

/**
 * Declares `body` once per adapter, each in its own describe; an adapter that cannot run shows as
 * a pending test whose title gives the reason, and prints that reason where mocha reports it.
 */
export function describeEachAdapter(title: string, body: (ctx: AdapterContext) => void): void {
  const { adapters, skipped } = contractAdapters();
  for (const adapter of adapters) {
    describe(`${title} [${adapter.kind}]`, function () {
      let provider: StoreProvider | undefined;
      let store: Store | undefined;
      let tenants = 0;
      const ctx: AdapterContext = {
        kind: adapter.kind,
        get provider() {
          if (!provider) throw new Error('the adapter has not started');
          return provider;
        },
        get store() {
          if (!store) throw new Error('no store is open');
          return store;
        },
        freshTenant: () => ctx.provider.open(`t${++tenants}`),
        requireAtomicUnits(test) {
          if ((ctx.provider as { supportsTransactions?: boolean }).supportsTransactions !== false) return;
          console.log('      (skipped: this deployment has no transactions; use a replica set to test atomic units)');
          test.skip();
        },
      };
      before(async function () {
        provider = await adapter.start();
      });
      beforeEach(async function () {
        store = await ctx.freshTenant();
      });
      after(async function () {
        await adapter.stop();
      });
      body(ctx);
    });
  }
  for (const reason of skipped) {
    describe(title, function () {
      it(`(${reason})`, function () {
        console.log(`  (${reason})`);
        this.skip();
      });
    });
  }
}
