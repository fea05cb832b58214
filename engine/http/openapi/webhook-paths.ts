import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, Parameter, SchemaObject } from './openapi-types.js';
import { NEXT } from './job-paths.js';

const TAG = 'Webhooks';
const DELIVERIES = '/api/v1/webhooks/{name}/deliveries';
const REPLAY = `${DELIVERIES}/{id}/replay`;
/** Read and replayed with the manage-metadata right: the user document leaves them out for everyone else. */
export const WEBHOOK_DELIVERY_PATHS: readonly [string, 'get' | 'post'][] = [
  [DELIVERIES, 'get'],
  [REPLAY, 'post'],
];
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const forbidden = responseRef('Forbidden', 'Only users who may manage metadata (administrators) can read and replay deliveries.');
const nameParameter: Parameter = { name: 'name', in: 'path', required: true, description: 'The webhook\'s API name.', schema: { type: 'string' } };

const SCHEMAS: Record<string, SchemaObject> = {
  WebhookDeliveryAttempt: {
    type: 'object',
    required: ['at', 'durationMs'],
    properties: {
      at: DATE_TIME,
      durationMs: { type: 'integer', minimum: 0 },
      responseStatus: { type: 'integer', description: 'The receiver\'s HTTP status; absent when no answer came.' },
      error: { type: 'string', description: 'Why the attempt failed, in the platform\'s words; the receiver\'s body is never read.' },
      replay: { type: 'boolean', description: 'An administrator asked for this attempt.' },
    },
  },
  WebhookDelivery: {
    type: 'object',
    description: 'One event sent (or to send) to a webhook, with its attempts.',
    required: ['_id', 'webhook', 'event', 'status', 'createdAt', 'attempts'],
    properties: {
      _id: { type: 'string', description: 'The delivery id: X-CRM-Delivery and the body\'s `id`; a replay keeps it.' },
      webhook: { type: 'string' },
      event: { type: 'string', description: 'record.created, record.updated, record.deleted, approval.submitted, approval.approved, approval.rejected or approval.recalled.' },
      body: { type: 'string', description: 'The JSON text sent, to users who may view all data.' },
      status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
      createdAt: DATE_TIME,
      deliveredAt: DATE_TIME,
      nextAttemptAt: { ...DATE_TIME, description: 'A pending delivery: when it is tried next.' },
      responseStatus: { type: 'integer' },
      lastError: { type: 'string' },
      attempts: { type: 'array', items: schemaRef('WebhookDeliveryAttempt'), description: 'Oldest first, the latest 30.' },
    },
  },
  WebhookDeliveryPage: {
    type: 'object',
    required: ['deliveries', 'next'],
    properties: { deliveries: { type: 'array', items: schemaRef('WebhookDelivery'), description: 'Newest first.' }, next: NEXT },
  },
};

/** /api/v1/webhooks: the delivery log of each webhook and the replay of a delivery. */
export function webhookPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'The deliveries of the outgoing webhooks (defined at /api/v1/meta/webhooks), for administrators.' }],
    schemas: SCHEMAS,
    paths: {
      [DELIVERIES]: {
        parameters: [nameParameter],
        get: {
          operationId: 'webhooks.deliveries',
          summary: 'List the deliveries of a webhook',
          description: 'Newest first, each with its attempts (time, duration, answer, error); deliveries that ended are kept 30 days, at most 1000 per webhook.',
          tags: [TAG],
          parameters: [
            { name: 'status', in: 'query', description: 'Only deliveries in this status.', schema: { type: 'string', enum: ['pending', 'delivered', 'failed'] } },
            parameterRef('EntryLimit'),
            parameterRef('Before'),
          ],
          responses: { '200': { description: 'One page, newest first.', content: json(schemaRef('WebhookDeliveryPage')) }, '400': responseRef('BadRequest'), '403': forbidden, '404': responseRef('NotFound') },
        },
      },
      [REPLAY]: {
        parameters: [nameParameter, { name: 'id', in: 'path', required: true, description: 'The delivery id.', schema: { type: 'string' } }],
        post: {
          operationId: 'webhooks.replay',
          summary: 'Replay a delivery',
          description: 'Sends the delivery again now: the same body and delivery id, a new signature timestamp; retried like the first time if the receiver fails it.',
          tags: [TAG],
          responses: {
            '200': { description: 'Queued: a scheduler sends it at its next pass.', content: json({ type: 'object', required: ['delivery'], properties: { delivery: schemaRef('WebhookDelivery') } }) },
            '403': forbidden,
            '404': responseRef('NotFound'),
            '409': responseRef('Conflict', '`delivery_pending`: it waits for its next attempt already.'),
          },
        },
      },
    },
  };
}
