import type { JobHandler } from '../jobs/index.js';
import { WEBHOOK_OUTBOX, type OutboxWebhook } from './outbox-webhook.js';
import { postWebhook } from './post-webhook.js';
import { traceHeaders } from '../observability/index.js';
import { maskUrl } from './webhook-secrets.js';
import { RefusedDestinationError, resolveWebhookDestination } from './webhook-destination.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The handler of `webhook.deliver` jobs: POSTs the call's JSON to a public address (or one the
 * operator opened, see resolveWebhookDestination) and marks it delivered on a 2xx answer. Any other
 * answer, a redirect included (following it would reach a destination nobody checked), a refused
 * destination or no answer within the timeout fails the attempt, so that the scheduler retries it.
 * Receivers may see a call twice and can tell by X-Webhook-Id.
 */
export const deliverWebhook: JobHandler = async (tenant, job) => {
  const id = job.payload.id;
  if (typeof id !== 'string') throw new Error(`A webhook delivery job needs the id of an outbox call in its payload, got ${JSON.stringify(job.payload)}.`);
  const outbox = tenant.store.collection<OutboxWebhook>(WEBHOOK_OUTBOX);
  const call = await outbox.findOne({ _id: id });
  if (!call) throw new Error(`The webhook outbox holds no call '${id}'.`);
  if (call.status === 'delivered') return;
  const url = new URL(call.url);
  let status: number;
  try {
    const addresses = await resolveWebhookDestination(url, tenant.webhookAllowlist);
    const requestId = job.requestId ?? `job-${job._id}`;
    // X-Request-Id: the request that caused the call (the job keeps its id), for the receiver's logs and ours to meet.
    // traceparent: the receiver's spans join the trace of the job (and of the request behind it) when something traces.
    const headers = { 'content-type': 'application/json', 'user-agent': 'lowcode-crm-webhooks', 'x-webhook-id': id, ...(requestId ? { 'x-request-id': requestId } : {}), ...traceHeaders() };
    status = await postWebhook(url, addresses, headers, call.body, WEBHOOK_TIMEOUT_MS);
  } catch (error) {
    const message = `POST ${maskUrl(call.url)} failed: ${reasonOf(error)}`;
    await outbox.updateOne({ _id: id }, { $set: { lastError: message } });
    throw new Error(message);
  }
  if (status < 200 || status > 299) {
    // The answer's body is never repeated: it could be a page of a system the receiver can reach.
    const message = `POST ${maskUrl(call.url)} answered ${status}: ${status >= 300 && status < 400 ? 'redirects are not followed; give the final address of the receiver' : 'the receiver did not accept the call'}`;
    await outbox.updateOne({ _id: id }, { $set: { responseStatus: status, lastError: message } });
    throw new Error(message);
  }
  await outbox.updateOne({ _id: id }, { $set: { status: 'delivered', deliveredAt: new Date().toISOString(), responseStatus: status }, $unset: { lastError: '' } });
};

/** A fixed text per kind of failure: never what a remote system wrote. */
export function reasonOf(error: unknown): string {
  if (error instanceof RefusedDestinationError) return error.message;
  const code = (error as { code?: unknown; name?: unknown }).code;
  if ((error as { name?: unknown }).name === 'TimeoutError' || code === 'ABORT_ERR') return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (ECONNREFUSED)';
    case 'ECONNRESET':
      return 'the connection was closed before an answer (ECONNRESET)';
    default:
      return typeof code === 'string' ? `the connection failed (${code})` : 'the connection failed';
  }
}
