import type { StoredRecord } from '../engine/records/index.js';
import { alive } from '../engine/metadata/record-shape/record-state.js';
import type { Tenant } from '../engine/tenancy/index.js';

/**
 * The platform's first administrator in every bench: created by the engine at its first start over
 * a freshly seeded directory, or by a seed that creates users of its own (it must come first then,
 * as the engine would have made it).
 */
export const BENCH_ADMIN = { email: 'bench@example.com', password: 'bench administrator passphrase' };

/** The bench administrator's user id, when a seed created it before the engine's first start. */
export async function seededBenchAdmin(tenant: Tenant): Promise<string | undefined> {
  const users = tenant.metadata.snapshot.object('user')!;
  const admin = await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ email: BENCH_ADMIN.email }));
  return admin?._id;
}
