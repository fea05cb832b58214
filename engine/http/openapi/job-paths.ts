import { JOB_FILTERS, JOB_STATUSES } from '../../jobs/index.js';
import { outboxFilters } from '../../mail/index.js';
import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, Parameter, SchemaObject } from './openapi-types.js';

const TAG = 'Jobs and outboxes';
const JOBS = '/api/v1/jobs';
const EMAILS = '/api/v1/outbox/email';
const WEBHOOKS = '/api/v1/outbox/webhook';
/** The paths read with the audit right: the user document leaves them out for everyone else. */
export const JOB_PATHS = [JOBS, EMAILS, WEBHOOKS];
const JOB_RETRY = `${JOBS}/{id}/retry`;
const OUTBOX_RETRY = '/api/v1/outbox/{kind}/{id}/retry';
/** The retries, allowed with the same right: the user document leaves them out for everyone else. */
export const JOB_RETRY_PATHS = [JOB_RETRY, OUTBOX_RETRY];
const ID: SchemaObject = { type: 'string', pattern: '^[0-9a-f]{24}$' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };

export const NEXT: SchemaObject = { type: ['string', 'null'], description: 'The `before` of the next page; null on the last one.' };
const forbidden = responseRef('Forbidden', 'Only users who may view the audit log (administrators) can read this.');

/** Keep the read shapes open: entries carry what the engine recorded, more in later versions. */
const SCHEMAS: Record<string, SchemaObject> = {
  Job: {
    type: 'object',
    description: 'A due-job: a timer of an approval step or a rule, or the delivery of an e-mail or a webhook call.',
    required: ['_id', 'kind', 'dueAt', 'status', 'attempts', 'createdAt'],
    properties: {
      _id: ID,
      kind: { type: 'string', description: 'What runs the job, e.g. `email.deliver`, `webhook.deliver`, `approval.reminder`.' },
      dueAt: DATE_TIME,
      payload: { type: 'object' },
      status: { type: 'string', enum: [...JOB_STATUSES] },
      attempts: { type: 'integer', minimum: 0 },
      leaseUntil: DATE_TIME,
      leasedBy: { type: 'string' },
      lastError: { type: 'string', description: 'Why the last attempt failed; kept after a retry until another attempt fails.' },
      key: { type: 'string' },
      createdAt: DATE_TIME,
      doneAt: DATE_TIME,
    },
  },
  Delivery: {
    type: 'object',
    description: 'Where the delivery of an outbox entry stands, from the job that delivers it: `failed` once it ran out of attempts (the entry itself stays `pending`), which `POST …/retry` tries again.',
    required: ['job', 'status', 'attempts', 'dueAt'],
    properties: { job: ID, status: { type: 'string', enum: [...JOB_STATUSES] }, attempts: { type: 'integer', minimum: 0 }, dueAt: DATE_TIME },
  },
  JobPage: {
    type: 'object',
    required: ['jobs', 'next'],
    properties: { jobs: { type: 'array', items: schemaRef('Job'), description: 'Newest first.' }, next: NEXT },
  },
  OutboxEmail: {
    type: 'object',
    description: 'One e-mail the engine queued, sent or not.',
    required: ['_id', 'to', 'subject', 'status', 'queuedAt'],
    properties: {
      _id: ID,
      to: { type: 'array', items: { type: 'string' } },
      subject: { type: 'string' },
      text: { type: 'string' },
      html: { type: 'string' },
      reason: { type: 'string', description: 'Why it was sent (an approval step, a rule).' },
      status: { type: 'string', enum: ['pending', 'sent'] },
      queuedAt: DATE_TIME,
      sentAt: DATE_TIME,
      messageId: { type: 'string' },
      rejected: { type: 'array', items: { type: 'string' } },
      note: { type: 'string' },
      lastError: { type: 'string' },
      delivery: schemaRef('Delivery'),
    },
  },
  OutboxEmailPage: {
    type: 'object',
    required: ['messages', 'next'],
    properties: { messages: { type: 'array', items: schemaRef('OutboxEmail'), description: 'Newest first.' }, next: NEXT },
  },
  OutboxWebhook: {
    type: 'object',
    description: 'One webhook call the engine queued, with the status of the answer it got.',
    required: ['_id', 'url', 'status', 'queuedAt'],
    properties: {
      _id: ID,
      url: { type: 'string' },
      body: { type: 'string', description: 'The JSON text sent in the POST.' },
      reason: { type: 'string' },
      status: { type: 'string', enum: ['pending', 'delivered'] },
      queuedAt: DATE_TIME,
      deliveredAt: DATE_TIME,
      responseStatus: { type: 'integer' },
      lastError: { type: 'string' },
      delivery: schemaRef('Delivery'),
    },
  },
  OutboxWebhookPage: {
    type: 'object',
    required: ['calls', 'next'],
    properties: { calls: { type: 'array', items: schemaRef('OutboxWebhook'), description: 'Newest first.' }, next: NEXT },
  },
};

function listOperation(id: string, summary: string, description: string, page: string, parameters: Parameter[] = []) {
  return {
    get: {
      operationId: id,
      summary,
      description,
      tags: [TAG],
      parameters: [...parameters, parameterRef('EntryLimit'), parameterRef('Before')],
      responses: {
        '200': { description: 'One page, newest first.', content: json(schemaRef(page)) },
        '400': responseRef('BadRequest'),
        '403': forbidden,
      },
    },
  };
}

const retryForbidden = responseRef('Forbidden', 'Only users who may view the audit log (administrators) can retry.');

function retryOperation(id: string, summary: string, description: string, parameters: Parameter[], ok: SchemaObject, conflict: string) {
  return {
    parameters,
    post: {
      operationId: id,
      summary,
      description,
      tags: [TAG],
      responses: {
        '200': { description: 'Due again now: a scheduler runs it at its next pass (within a second or so).', content: json(ok) },
        '403': retryForbidden,
        '404': responseRef('NotFound'),
        '409': responseRef('Conflict', conflict),
      },
    },
  };
}

const idParameter = (description: string): Parameter => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } });
const statusParameter = (values: readonly string[], description: string): Parameter => ({ name: 'status', in: 'query', description, schema: { type: 'string', enum: [...values] } });

/** /api/v1/jobs and /api/v1/outbox: what the engine runs and sends in the background, and the retry of what failed. */
export function jobPaths(): OpenApiFragment {
  return {
    tags: [{ name: TAG, description: 'The due-jobs (timers, deliveries) and the outboxes of e-mails and webhook calls, for administrators, with the retry of what failed.' }],
    schemas: SCHEMAS,
    paths: {
      [JOBS]: listOperation('jobs.list', 'List the due-jobs', 'Timers and deliveries; `?status=failed` shows what needs attention.', 'JobPage', [
        statusParameter(JOB_FILTERS, 'Only jobs in this status; `running` is a due job a scheduler runs right now.'),
        { name: 'kind', in: 'query', description: 'Only jobs of this kind.', schema: { type: 'string' } },
      ]),
      [EMAILS]: listOperation('outbox.email.list', 'List the e-mail outbox', 'Every e-mail queued, whether or not an SMTP server took it.', 'OutboxEmailPage', [
        statusParameter(outboxFilters('email'), '`failed`: pending, its delivery ran out of attempts; `pending`: the others not sent yet.'),
      ]),
      [WEBHOOKS]: listOperation('outbox.webhook.list', 'List the webhook outbox', 'Every webhook call, with the status of the answer it got.', 'OutboxWebhookPage', [
        statusParameter(outboxFilters('webhook'), '`failed`: pending, its delivery ran out of attempts; `pending`: the others not delivered yet.'),
      ]),
      [JOB_RETRY]: retryOperation(
        'jobs.retry',
        'Retry a failed job',
        'Makes a failed job due again now, its attempts counted from zero, and writes `job.retried` to the audit log with the attempts it had used.',
        [idParameter('The job\'s id.')],
        schemaRef('Job'),
        '`job_not_failed`: only a failed job can be retried; `job_already_due`: another job with its key is already waiting.',
      ),
      [OUTBOX_RETRY]: retryOperation(
        'outbox.retry',
        'Retry the failed delivery of an e-mail or a webhook call',
        'Retries the job that delivers the entry (see `jobs.retry`).',
        [
          { name: 'kind', in: 'path', required: true, description: 'The outbox.', schema: { type: 'string', enum: ['email', 'webhook'] } },
          idParameter('The id of the e-mail or the webhook call.'),
        ],
        { type: 'object', required: ['delivery'], properties: { delivery: schemaRef('Delivery') } },
        '`already_delivered`: nothing to retry; `job_not_failed`: its delivery has not failed (it waits or runs).',
      ),
    },
  };
}
