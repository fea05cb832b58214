import type { KeyHolder } from '../crypto/index.js';
import type { JobHandler, RetryPolicy } from '../jobs/index.js';
import { maskUrl, postWebhook, reasonOf, resolveWebhookDestination, WEBHOOK_TIMEOUT_MS } from '../mail/index.js';
import { openSigningSecret } from './signing-secret.js';
import { signatureHeader } from './sign-delivery.js';
import { purgeDeliveries } from './purge-deliveries.js';
import { WEBHOOK_DELIVERIES, type DeliveryAttempt, type WebhookDelivery } from './webhook-delivery.js';

/**
 * Deliveries are retried for about a day: 30 s, 1 min, 2 min ... up to an hour apart, each wait
 * less up to half of it at random, then failed; an administrator may replay one afterwards.
 */
export const WEBHOOK_RETRY: Required<RetryPolicy> = { maxAttempts: 10, backoffMs: 30_000, maxBackoffMs: 60 * 60 * 1000, jitter: 0.5 };

/** The secret a delivery signs with; undefined when there is none to open (a definition written around the API, a key gone). */
function signingSecret(tenant: KeyHolder, sealed: string | undefined): string | undefined {
  if (sealed === undefined) return undefined;
  try {
    return openSigningSecret(tenant, sealed);
  } catch {
    return undefined;
  }
}

/** The attempts a delivery's log keeps, the latest. */
const MAX_LOGGED_ATTEMPTS = 30;

/**
 * The handler of `webhook.event.deliver` jobs: one attempt of a delivery, to the webhook's URL as it
 * is now, signed now (a replay or a retry carries a new timestamp over the same body and id). A 2xx
 * answer delivers it; anything else (a redirect, which is never followed, a refused destination, no
 * answer within the timeout) fails the attempt for the scheduler to retry, and the last one marks
 * the delivery failed. Every attempt is logged on the delivery.
 */
export function deliverWebhookEvent(retry: Required<RetryPolicy>): JobHandler {
  return async (tenant, job) => {
    const id = job.payload.id;
    if (typeof id !== 'string') throw new Error(`A webhook delivery job needs the id of a delivery in its payload, got ${JSON.stringify(job.payload)}.`);
    const deliveries = tenant.store.collection<WebhookDelivery>(WEBHOOK_DELIVERIES);
    const delivery = await deliveries.findOne({ _id: id });
    if (!delivery) throw new Error(`There is no webhook delivery '${id}'.`);
    if (delivery.status === 'delivered' && job.payload.replay !== true) return;
    const webhook = tenant.metadata.snapshot.webhooks.get(delivery.webhook);
    const started = new Date();
    const attempt: DeliveryAttempt = { at: started.toISOString(), durationMs: 0, ...(job.payload.replay === true ? { replay: true } : {}) };
    let failure: string | undefined;
    const secret = webhook ? signingSecret(tenant, webhook.definition.secret) : undefined;
    if (!webhook) {
      failure = `the webhook '${delivery.webhook}' no longer exists`;
    } else if (secret === undefined) {
      failure = `the signing secret of webhook '${webhook.name}' cannot be opened (its key is gone or it was altered): give the webhook a new secret`;
    } else {
      const url = new URL(webhook.url);
      try {
        const addresses = await resolveWebhookDestination(url, tenant.webhookAllowlist);
        const requestId = job.requestId ?? `job-${job._id}`;
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'lowcode-crm-webhooks',
          'x-crm-event': delivery.event,
          'x-crm-delivery': delivery._id,
          'x-crm-signature': signatureHeader(secret, delivery.body, new Date()),
          ...(requestId ? { 'x-request-id': requestId } : {}),
        };
        attempt.responseStatus = await postWebhook(url, addresses, headers, delivery.body, WEBHOOK_TIMEOUT_MS);
        if (attempt.responseStatus < 200 || attempt.responseStatus > 299) {
          failure = `POST ${maskUrl(webhook.url)} answered ${attempt.responseStatus}: ${attempt.responseStatus >= 300 && attempt.responseStatus < 400 ? 'redirects are not followed; give the final address of the receiver' : 'the receiver did not accept the delivery'}`;
        }
      } catch (error) {
        failure = `POST ${maskUrl(webhook.url)} failed: ${reasonOf(error)}`;
      }
    }
    attempt.durationMs = Date.now() - started.getTime();
    if (failure !== undefined) attempt.error = failure;
    // A vanished webhook will not come back: its delivery fails now rather than after every retry.
    const last = !webhook || job.attempts >= retry.maxAttempts;
    const status = failure === undefined ? 'delivered' : last ? 'failed' : 'pending';
    await deliveries.updateOne(
      { _id: id },
      {
        // One job holds a delivery at a time (its key): reading the attempts and writing them back loses none.
        $set: { status, attempts: [...delivery.attempts, attempt].slice(-MAX_LOGGED_ATTEMPTS), ...(attempt.responseStatus === undefined ? {} : { responseStatus: attempt.responseStatus }), ...(failure === undefined ? { deliveredAt: new Date().toISOString() } : { lastError: failure }) },
        ...(failure === undefined ? { $unset: { lastError: '' } } : {}),
      },
    );
    if (status !== 'pending') await purgeDeliveries(tenant.store, delivery.webhook);
    if (failure !== undefined && webhook) throw new Error(failure);
  };
}
