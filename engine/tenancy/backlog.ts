import { JOBS_COLLECTION } from '../jobs/index.js';
import { EMAIL_OUTBOX, WEBHOOK_OUTBOX } from '../mail/index.js';
import type { BacklogCounts } from '../observability/index.js';
import type { Platform } from './platform.js';

/** What waits in the open tenants: due and failed jobs, undelivered e-mail and webhook calls (the metrics' gauges). */
export async function countBacklog(platform: Platform): Promise<BacklogCounts> {
  const counts: BacklogCounts = { jobs: { due: 0, failed: 0 }, outbox: { email: 0, webhook: 0 } };
  for (const { store } of await platform.openTenants()) {
    const [due, failed, email, webhook] = await Promise.all([
      store.collection(JOBS_COLLECTION).count({ status: 'due' }),
      store.collection(JOBS_COLLECTION).count({ status: 'failed' }),
      store.collection(EMAIL_OUTBOX).count({ status: 'pending' }),
      store.collection(WEBHOOK_OUTBOX).count({ status: 'pending' }),
    ]);
    counts.jobs.due += due;
    counts.jobs.failed += failed;
    counts.outbox.email += email;
    counts.outbox.webhook += webhook;
  }
  return counts;
}
