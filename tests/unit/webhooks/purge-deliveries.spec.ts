import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';
import { Platform, type Tenant } from '../../../engine/tenancy/index.js';
import { WEBHOOK_DELIVERIES, type WebhookDelivery } from '../../../engine/webhooks/index.js';
import { purgeDeliveries } from '../../../engine/webhooks/purge-deliveries.js';
import { TEST_MASTER_KEY } from '../../support/test-master-key.js';

const DAY = 24 * 60 * 60 * 1000;

describe('webhook delivery log retention', () => {
  let dataDir: string;
  let platform: Platform;
  let tenant: Tenant;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-webhook-log-'));
    platform = new Platform(new EmbeddedStoreProvider(dataDir), TEST_MASTER_KEY);
    tenant = await platform.tenant();
  });
  after(async () => {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ids = (n: number) => Array.from({ length: n }, (_, index) => index.toString(16).padStart(24, '0'));
  const delivery = (id: string, webhook: string, status: WebhookDelivery['status'], daysAgo: number): WebhookDelivery => ({
    _id: id,
    webhook,
    event: 'record.created',
    body: '{}',
    status,
    createdAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    attempts: [],
  });

  it('drops what ended before the retention and the oldest ended past the cap, keeping pending ones and other webhooks\' logs', async () => {
    const collection = tenant.store.collection<WebhookDelivery>(WEBHOOK_DELIVERIES);
    const [old, oldPending, a, b, c, d, other] = ids(7);
    await tenant.store.unitOfWork(async (tx) => {
      const deliveries = tx.collection<WebhookDelivery>(WEBHOOK_DELIVERIES);
      await deliveries.insertOne(delivery(old!, 'erp', 'delivered', 40));
      await deliveries.insertOne(delivery(oldPending!, 'erp', 'pending', 40));
      await deliveries.insertOne(delivery(a!, 'erp', 'failed', 3));
      await deliveries.insertOne(delivery(b!, 'erp', 'delivered', 2));
      await deliveries.insertOne(delivery(c!, 'erp', 'delivered', 1));
      await deliveries.insertOne(delivery(d!, 'erp', 'pending', 0));
      await deliveries.insertOne(delivery(other!, 'crm_sync', 'delivered', 40));
    });
    await purgeDeliveries(tenant.store, 'erp', { days: 30, perWebhook: 2 });
    const left = (await collection.find({}, { sort: { _id: 1 } })).map((entry) => entry._id);
    expect(left).to.deep.equal([oldPending, b, c, d, other]);
  });
});
