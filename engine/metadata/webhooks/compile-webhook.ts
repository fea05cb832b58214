import type { ErrorDetail } from '../../errors/index.js';
import { closestName } from '../../formula/closest-name.js';
import { msg, type Message } from '../../i18n/message.js';
import type { WebhookDefinition, WebhookEvent } from '../../schemas/generated/webhook.js';
import type { CompiledObject } from '../compiled-object.js';
import type { CompiledProcess } from '../approval-processes/compiled-process.js';
import { checkDefinition } from '../definition-validator.js';

export type WebhookEventName = WebhookEvent['on'];
export type RecordEventName = Extract<WebhookEventName, `record.${string}`>;
export type ApprovalEventName = Extract<WebhookEventName, `approval.${string}`>;

/** A webhook as deliveries read it: which events of which object or process it wants. */
export interface CompiledWebhook {
  readonly name: string;
  readonly definition: WebhookDefinition;
  readonly url: string;
  readonly active: boolean;
  readonly runAs: string | null;
  readonly events: readonly WebhookEvent[];
}

export function isRecordEvent(name: WebhookEventName): name is RecordEventName {
  return name.startsWith('record.');
}

/**
 * Checks what a webhook names against the snapshot: each record event an object (and, for
 * record.updated, fields of it), each approval event a process; the problems carry their path.
 */
export function compileWebhook(
  definition: WebhookDefinition,
  objects: ReadonlyMap<string, CompiledObject>,
  processes: ReadonlyMap<string, CompiledProcess>,
): { webhook?: CompiledWebhook; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  definition.events.forEach((event, index) => problems.push(...eventProblems(event, `/events/${index}`, objects, processes)));
  if (problems.length > 0) return { problems };
  return {
    webhook: { name: definition.name, definition, url: definition.url, active: definition.active !== false, runAs: definition.runAs ?? null, events: definition.events },
    problems,
  };
}

function eventProblems(event: WebhookEvent, path: string, objects: ReadonlyMap<string, CompiledObject>, processes: ReadonlyMap<string, CompiledProcess>): ErrorDetail[] {
  if (!isRecordEvent(event.on)) {
    const problems: ErrorDetail[] = [];
    if (event.object !== undefined || event.fields !== undefined) problems.push({ path, message: msg`an approval event names a process, not an object or fields` });
    if (event.process === undefined) return [...problems, { path: `${path}/process`, message: msg`is required: the approval process whose decisions are sent` }];
    if (!processes.has(event.process)) problems.push({ path: `${path}/process`, message: unknown(event.process, msg`an approval process`, processes.keys()) });
    return problems;
  }
  const problems: ErrorDetail[] = [];
  if (event.process !== undefined) problems.push({ path: `${path}/process`, message: msg`a record event names an object, not a process` });
  if (event.fields !== undefined && event.on !== 'record.updated') problems.push({ path: `${path}/fields`, message: msg`only record.updated can be narrowed to fields` });
  if (event.object === undefined) return [...problems, { path: `${path}/object`, message: msg`is required: the object whose records are sent` }];
  const object = objects.get(event.object);
  if (!object) return [...problems, { path: `${path}/object`, message: unknown(event.object, msg`an object`, objects.keys()) }];
  (event.fields ?? []).forEach((field, index) => {
    if (!object.field(field)) problems.push({ path: `${path}/fields/${index}`, message: unknown(field, msg`a field of ${event.object}`, object.object.fieldsByName.keys()) });
  });
  return problems;
}

function unknown(name: string, what: Message, candidates: Iterable<string>): Message {
  const suggestion = closestName(name, candidates);
  return suggestion === undefined ? msg`'${name}' is not ${what}` : msg`'${name}' is not ${what}; did you mean '${suggestion}'?`;
}

/** Every webhook of the tenant checked against its schema and what it names; problems by name. */
export function compileWebhooks(
  definitions: readonly WebhookDefinition[],
  objects: ReadonlyMap<string, CompiledObject>,
  processes: ReadonlyMap<string, CompiledProcess>,
  report: (name: string, problems: ErrorDetail[]) => void,
): Map<string, CompiledWebhook> {
  const webhooks = new Map<string, CompiledWebhook>();
  for (const definition of definitions) {
    const checked = checkDefinition('webhook', definition);
    const result = checked.ok ? compileWebhook(checked.definition, objects, processes) : { problems: checked.problems };
    if (result.webhook) webhooks.set(result.webhook.name, result.webhook);
    else report(definition.name, result.problems);
  }
  return webhooks;
}
