import type { JobHandler } from '../jobs/index.js';
import { WEBHOOK_OUTBOX, type OutboxWebhook } from './outbox-webhook.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a refusing answer's body is kept in `lastError`. */
const ANSWER_EXCERPT = 500;

/**
 * The handler of `webhook.deliver` jobs: POSTs the call's JSON and marks it delivered on a 2xx
 * answer. Any other answer, a redirect included, or no answer within the timeout fails the attempt,
 * so that the scheduler retries it. Receivers may see a call twice and can tell by X-Webhook-Id.
 */
export const deliverWebhook: JobHandler = async (tenant, job) => {
  const id = job.payload.id;
  if (typeof id !== 'string') throw new Error(`A webhook delivery job needs the id of an outbox call in its payload, got ${JSON.stringify(job.payload)}.`);
  const outbox = tenant.store.collection<OutboxWebhook>(WEBHOOK_OUTBOX);
  const call = await outbox.findOne({ _id: id });
  if (!call) throw new Error(`The webhook outbox holds no call '${id}'.`);
  if (call.status === 'delivered') return;
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'lowcode-crm-webhooks', 'x-webhook-id': id },
      body: call.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : describe(error);
    const message = `POST ${call.url} failed: ${reason}`;
    await outbox.updateOne({ _id: id }, { $set: { lastError: message } });
    throw new Error(message);
  }
  const answer = await response.text().catch(() => '');
  if (response.status < 200 || response.status > 299) {
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
    const message = `POST ${call.url} answered ${response.status}${redirect}: ${answer.slice(0, ANSWER_EXCERPT)}`;
    await outbox.updateOne({ _id: id }, { $set: { responseStatus: response.status, lastError: message } });
    throw new Error(message);
  }
  await outbox.updateOne({ _id: id }, { $set: { status: 'delivered', deliveredAt: new Date().toISOString(), responseStatus: response.status }, $unset: { lastError: '' } });
};

/** fetch hides the network error (refused, unknown host) in its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
