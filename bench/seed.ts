import { writeFileSync } from 'node:fs';
import { createObject } from '../engine/setup/operations/index.js';
import type { ObjectDefinition } from '../engine/schemas/generated/object.js';
import type { StoredRecord } from '../engine/records/index.js';
import { EmbeddedStoreProvider } from '../engine/store/embedded/index.js';
import { newId } from '../engine/store/new-id.js';
import { BUILT_IN_ADMIN, Platform, operationContext, type Tenant } from '../engine/tenancy/index.js';
import { loadMasterKey } from '../engine/crypto/index.js';

export const OBJECT_NAME = 'deal';
export const STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation', 'closed'] as const;
export const REGIONS = ['emea', 'amer', 'apac', 'latam'] as const;
/** bench:scale's deals belong to this many sellers (`seller0` ...), 1 % each at 100. */
export const SCALE_OWNERS = 100;

/**
 * The benchmark's 10-field object, as an admin would send it to POST /api/v1/meta/objects: the
 * lists the benches send sort by amount, so the admin flags it indexed.
 */
export const DEAL_OBJECT: ObjectDefinition = {
  name: OBJECT_NAME,
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'amount', type: 'currency', indexed: true },
    { name: 'quantity', type: 'number' },
    { name: 'stage', type: 'picklist', values: [...STAGES] },
    { name: 'close_date', type: 'date' },
    { name: 'email', type: 'email' },
    { name: 'active', type: 'boolean' },
    { name: 'region', type: 'picklist', values: [...REGIONS] },
    { name: 'score', type: 'percent' },
    { name: 'notes', type: 'text' },
  ],
};

/** The values a client writes for one deal, already in stored form (rounded, lower-case e-mail). */
export type DealInput = Record<string, string | number | boolean>;

/** mulberry32: a small seeded generator, so every run seeds the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomDeal(random: () => number, n: number): DealInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 730) * 86_400_000);
  return {
    title: `Deal ${n} ${pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark'])}`,
    amount: Math.round(random() * 10_000_000) / 100,
    quantity: 1 + Math.floor(random() * 500),
    stage: pick(STAGES),
    close_date: day.toISOString().slice(0, 10),
    email: `buyer${n}@example.com`,
    active: random() < 0.7,
    region: pick(REGIONS),
    score: Math.round(random() * 10_000) / 100,
    notes: `Seeded record ${n}: follow up with the buying committee.`,
  };
}

/** `count` stored records with every system field, identical for the platform and the baseline. */
export function generateRecords(count: number, seed = 42): StoredRecord[] {
  const random = seededRandom(seed);
  const start = Date.UTC(2025, 0, 1);
  const records: StoredRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 1000).toISOString();
    records.push({
      ...randomDeal(random, i),
      _id: newId(),
      _version: 1,
      _owner: BUILT_IN_ADMIN.userId,
      _createdAt: at,
      _createdBy: BUILT_IN_ADMIN.userId,
      _updatedAt: at,
      _updatedBy: BUILT_IN_ADMIN.userId,
    });
  }
  return records;
}

/**
 * Defines the object through the metadata operation and stores the records through the store
 * port, in units of work of `batchSize`, before any server opens the directory. Every record is
 * checked against the object's compiled create validator first, so the seed is data the API
 * itself would have accepted.
 */
export async function seedPlatform(dataDir: string, records: readonly StoredRecord[], batchSize = 5000): Promise<void> {
  const platform = new Platform(new EmbeddedStoreProvider(dataDir), loadMasterKey({}, dataDir));
  try {
    const tenant = await platform.tenant();
    await createObject(operationContext(tenant, BUILT_IN_ADMIN, 'import'), DEAL_OBJECT);
    await storeRecords(tenant, OBJECT_NAME, records, batchSize);
  } finally {
    await platform.close();
  }
}

/** Stores records of an existing object through the store port, each checked by its create validator first. */
export async function storeRecords(tenant: Tenant, objectName: string, records: readonly StoredRecord[], batchSize = 5000): Promise<void> {
  const object = tenant.metadata.snapshot.object(objectName)!;
  for (const record of records) {
    const { _id, _version, _owner, _createdAt, _createdBy, _updatedAt, _updatedBy, ...values } = record;
    if (!object.validateCreate(values)) throw new Error(`seed record ${_id} is invalid: ${JSON.stringify(object.validateCreate.errors)}`);
  }
  for (let i = 0; i < records.length; i += batchSize) {
    const batch = records.slice(i, i + batchSize);
    await tenant.store.unitOfWork((tx) => tx.collection<StoredRecord>(object.collection).insertMany(batch));
  }
}

/** The baseline reads the same records from a JSON file at its start. */
export function writeBaselineData(file: string, records: readonly StoredRecord[]): void {
  writeFileSync(file, JSON.stringify(records));
}
