import { APPROVAL_ACTIONS, type ApprovalActionName } from '../../approvals/approval-events.js';
import type { HistoryAction } from '../../approvals/approval-history.js';
import type { ApprovalStatus } from '../../metadata/approval-processes/approval-state.js';
import type { SimulatedAction } from '../../approvals/simulate-process.js';
import { RECORD_ID_PATTERN } from '../../fields/record-id.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../records/index.js';
import { json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, Operation, Parameter, PathItem, SchemaObject } from './openapi-types.js';
import { RECORDS_BASE } from './record-paths.js';
import { APPROVAL_PROCESS_VERSIONS, listVersionsOperation, VERSIONS_PATH } from './approval-version-docs.js';

const PROCESSES = '/api/v1/meta/approval-processes';
const INBOX = '/api/v1/approvals/inbox';
// Capitalised like Metadata: object API names are lower case, so no object's tag can take it.
const TAG = 'Approvals';
const META_TAG = 'Metadata';

/** Keyed by the history's own union, so a new kind of entry cannot go undocumented. */
const HISTORY_ACTIONS: Record<HistoryAction, string> = {
  submit: 'the submitter submitted the record',
  approve: 'an approver approved',
  reject: 'an approver rejected (with the reason as comment)',
  recall: 'the submitter (or an administrator) recalled the record',
  reassign: 'an approver or an administrator handed their item to `to`',
  comment: 'someone involved commented',
  skip: 'the step was skipped: its condition was false (actor `system`)',
  approved: 'the process ended approved (actor `system`)',
  rejected: 'the process ended rejected for good (actor `system`)',
  returned: 'a rejection returned the record to the submitter as a draft (actor `system`)',
  remind: 'the step\'s reminder went out (actor `system`)',
  escalate: 'the step\'s escalation handed an item to `to` (actor `system`)',
};

/** Keyed by the state's own union; `none` is a record never submitted. */
const STATUSES: Record<ApprovalStatus | 'none', string> = {
  none: 'never submitted',
  pending: 'waiting at `step`',
  approved: 'every step approved',
  rejected: 'rejected at a step whose rejection is final',
  returned: 'rejected back to the submitter, who may change it and submit again',
  recalled: 'recalled by the submitter',
};

/** Keyed by the action names the route takes: what each needs and who may send it. */
const EVENTS: Record<ApprovalActionName, { summary: string; description: string; required?: 'comment' | 'to' }> = {
  submit: {
    summary: 'Submit to approval',
    description:
      'Starts the first active process of the object whose entry criteria admit the record (lowest `order`, then name), or the one `process` names. ' +
      'For the owner, the roles and users the process names, and administrators. Runs the submit actions and enters the first step whose condition holds; ' +
      '422 `entry_criteria_not_met` when the record does not qualify, 409 `already_pending`, `no_process`, or `no_approver` when a step would have nobody to ask.',
  },
  approve: {
    summary: 'Approve the current step',
    description:
      'For a pending approver of the step (or an administrator, deciding for all of them). The step completes by its mode: the first response, every approver, or the quorum; ' +
      'then the next step whose condition holds begins, or the process ends approved. Two approvers at once on a first-response step: one wins, the other gets 409 `approval_conflict`.',
  },
  reject: {
    summary: 'Reject the current step',
    description: 'Like approve, with a reason (`comment`, required). A decided rejection returns the record to the submitter as a draft, or ends the process rejected when the step says final.',
    required: 'comment',
  },
  recall: {
    summary: 'Recall a pending record',
    description: 'For the submitter while the process allows recalling, and administrators always. Ends the process `recalled`; the record is unlocked.',
  },
  reassign: {
    summary: 'Hand the caller\'s item to another user',
    description: 'For a pending approver of the step (their own item) or an administrator (the first pending item). `to` is an active user not yet asked; 409 `already_assigned` otherwise.',
    required: 'to',
  },
  comment: {
    summary: 'Comment on the approval',
    description: 'Adds a comment (required) to the history, at any time after the first submit, for the submitter, the owner, anyone asked to approve and administrators.',
    required: 'comment',
  },
};

/** Keyed by the simulation's union of action descriptions. */
const SIMULATED_ACTIONS: Record<SimulatedAction['type'], SchemaObject> = {
  setField: {
    required: ['field', 'value'],
    properties: { field: { type: 'string' }, value: { description: 'The value, or what `expression` gave; null clears the field.' }, expression: { type: 'string' } },
  },
  email: {
    required: ['to', 'subject', 'body'],
    properties: {
      to: { type: 'array', items: { allOf: [schemaRef('ApprovalUser')], required: ['email'], properties: { email: { type: 'string' } } }, description: 'The active recipients with an address; empty: no e-mail would go.' },
      subject: { type: 'string', description: 'Rendered.' },
      body: { type: 'string', description: 'Rendered.' },
    },
  },
  webhook: { required: ['url', 'body'], properties: { url: { type: 'string' }, body: { description: 'The rendered body, parsed as JSON when it is JSON.' } } },
  createRecord: { required: ['object', 'values'], properties: { object: { type: 'string' }, values: { type: 'object', description: 'The evaluated values, by field.' } } },
  convert: {
    required: ['records'],
    properties: {
      records: {
        type: 'array',
        description: 'The records the conversion would create, in order, each with the values its mapping gives; links to records created before it are not shown.',
        items: { type: 'object', required: ['as', 'object', 'values'], properties: { as: { type: 'string' }, object: { type: 'string' }, values: { type: 'object' } } },
      },
    },
  },
  packAction: {
    required: ['pack', 'action', 'label', 'params'],
    properties: {
      pack: { type: 'string' },
      action: { type: 'string' },
      label: { type: 'string', description: 'The action\'s label in the request\'s language; `<pack>/<action>` where the tenant does not offer it. Described, not run.' },
      params: { type: 'object' },
    },
  },
};

const nullable = (type: string, description?: string): SchemaObject => ({ type: [type, 'null'], ...(description ? { description } : {}) });
const actions = (description: string): SchemaObject => ({ type: 'array', items: schemaRef('SimulatedAction'), description });

export const APPROVAL_SCHEMAS: Record<string, SchemaObject> = {
  ApprovalHistoryEntry: {
    type: 'object',
    required: ['_id', 'object', 'record', 'process', 'version', 'step', 'action', 'actor', 'at'],
    properties: {
      _id: { type: 'string' },
      object: { type: 'string' },
      record: { type: 'string' },
      process: { type: 'string' },
      version: { type: 'integer', description: 'The version of the process the record ran on.' },
      step: nullable('string', 'The step it happened at; null for a submit.'),
      action: { type: 'string', enum: Object.keys(HISTORY_ACTIONS), description: Object.entries(HISTORY_ACTIONS).map(([action, meaning]) => `\`${action}\`: ${meaning}`).join('; ') + '.' },
      actor: { type: 'string', description: 'The user who acted, or `system`.' },
      onBehalfOf: { type: 'string', description: 'The approver a delegate acted for, `approvers` when an administrator decided for them, or the approver an escalation relieved.' },
      comment: { type: 'string' },
      to: { type: 'string', description: 'Reassignments and escalations: to whom.' },
      at: { type: 'string', format: 'date-time' },
    },
  },
  ApprovalView: {
    type: 'object',
    description: 'Where a record stands in its approval, who is asked, what the caller may do now, and everything that happened.',
    required: ['process', 'processLabel', 'version', 'status', 'step', 'stepLabel', 'submittedBy', 'submittedAt', 'locked', 'lock', 'pending', 'allowedActions', 'history', 'steps', 'users'],
    properties: {
      process: nullable('string', 'The process of the last submit; null when never submitted.'),
      processLabel: nullable('string', "The process's label in the request's language."),
      version: nullable('integer', 'The process version the record runs on.'),
      status: { type: 'string', enum: Object.keys(STATUSES), description: Object.entries(STATUSES).map(([status, meaning]) => `\`${status}\`: ${meaning}`).join('; ') + '.' },
      step: nullable('string', 'The step waiting for responses; null once ended.'),
      stepLabel: nullable('string', "The step's label in the request's language."),
      submittedBy: nullable('string'),
      submittedAt: { type: ['string', 'null'], format: 'date-time' },
      locked: { type: 'boolean', description: 'Edits and deletes are refused (409 `record_locked`) but for administrators, users who may modify all or edit locked records, and approvers the process lets edit.' },
      lock: {
        type: ['object', 'null'],
        description: 'Why the record is locked; null when it is not. A process locks its record while pending and once approved unless its `lock` says otherwise.',
        required: ['process', 'status', 'reason', 'mayEdit'],
        properties: {
          process: { type: 'string', description: 'The approval process that locked the record.' },
          status: { type: 'string', enum: ['pending', 'approved'], description: 'Where the record stands in it.' },
          reason: { type: 'string', description: "The sentence a refusal says, in the request's language." },
          mayEdit: { type: 'boolean', description: 'The caller may still edit the record (administrator, modify all, editLockedRecords, or a current approver the process lets edit).' },
        },
      },
      pending: {
        type: 'array',
        items: {
          type: 'object',
          required: ['approver', 'assignedAt'],
          properties: { approver: { type: 'string' }, delegateOf: { type: 'string', description: 'The approver a delegate holds the item for.' }, assignedAt: { type: 'string', format: 'date-time' } },
        },
      },
      allowedActions: { type: 'array', items: { type: 'string', enum: [...APPROVAL_ACTIONS] } },
      history: { type: 'array', items: schemaRef('ApprovalHistoryEntry'), description: 'Oldest first.' },
      steps: {
        type: 'array',
        description: "The process's steps in order, with their labels in the request's language (to name the steps of the history).",
        items: { type: 'object', required: ['name', 'label'], properties: { name: { type: 'string' }, label: { type: 'string' } } },
      },
      users: schemaRef('ApprovalUserNames'),
    },
  },
  ApprovalUserNames: {
    type: 'object',
    description: 'The full names of the users mentioned (submitter, approvers, actors), by id, as far as the caller may read users; an id missing here is shown as the id.',
    additionalProperties: { type: 'string' },
  },
  ApprovalEventRequest: {
    type: 'object',
    properties: {
      comment: { type: 'string', maxLength: 4000, description: 'Required to reject and to comment.' },
      to: { type: 'string', description: 'reassign: the user id to hand the item to.' },
      process: { type: 'string', description: 'submit: the process to use instead of the first that admits the record.' },
    },
  },
  InboxItem: {
    type: 'object',
    required: ['object', 'objectLabel', 'record', 'title', 'process', 'processLabel', 'step', 'stepLabel', 'assignedAt', 'ageHours', 'submittedBy', 'submittedAt'],
    properties: {
      object: { type: 'string' },
      objectLabel: { type: 'string', description: "The object's label in the request's language." },
      record: { type: 'string' },
      title: nullable('string', "The record's name, title or first text field; null when the caller's field permissions hide that field."),
      process: { type: 'string' },
      processLabel: { type: 'string', description: "In the request's language." },
      step: { type: 'string' },
      stepLabel: { type: 'string', description: "In the request's language." },
      assignedAt: { type: 'string', format: 'date-time' },
      ageHours: { type: 'number', minimum: 0, description: 'How long the item has waited, in hours, to one decimal.' },
      submittedBy: nullable('string'),
      submittedAt: { type: ['string', 'null'], format: 'date-time' },
      delegateOf: { type: 'string', description: 'The approver the caller holds the item for, as their delegate.' },
    },
  },
  ApprovalInbox: {
    type: 'object',
    required: ['items', 'total', 'users'],
    properties: {
      items: { type: 'array', items: schemaRef('InboxItem') },
      total: { type: 'integer', minimum: 0, description: 'How many items are pending for the caller in all (`limit=1` for a badge).' },
      users: schemaRef('ApprovalUserNames'),
    },
  },
  ApprovalMachine: {
    type: 'object',
    required: ['machine', 'version'],
    properties: {
      machine: {
        type: 'object',
        description:
          'The XState v5 machine config: a `gate__<step>` state before each step (an eventless transition skips the step when its condition is false), the steps ' +
          '(APPROVE, REJECT, RECALL; `decided` guards), the final states approved, rejected, returned and recalled. Guards and actions are named, their code is the engine\'s.',
        required: ['id', 'initial', 'states'],
        properties: { id: { type: 'string' }, initial: { type: 'string' }, states: { type: 'object', additionalProperties: { type: 'object' } } },
      },
      version: { type: 'integer', description: "The tenant's metadata version." },
    },
  },
  ApprovalProcessVersions: APPROVAL_PROCESS_VERSIONS,
  ApprovalSimulationRequest: {
    type: 'object',
    description: 'Sample field values, a stored record, or both (the values replace the stored ones); who submits, the caller by default.',
    additionalProperties: false,
    properties: {
      record: { type: 'object', description: 'Field values, checked like a new record\'s (400 at /record/<field>); defaults and formulas are filled in.' },
      recordId: { type: 'string', pattern: RECORD_ID_PATTERN },
      submitter: { type: 'string', description: 'A user id: for the submitter\'s manager, the `submitter` recipients and who may submit.' },
    },
    anyOf: [{ required: ['record'] }, { required: ['recordId'] }],
    examples: [{ record: { title: 'Servers', amount: 80000 }, submitter: '6650f1c2a1b2c3d4e5f60718' }],
  },
  ApprovalUser: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: nullable('string', 'The full name.') } },
  SimulatedAction: {
    description: 'One action as it would run: `at` is its place in the definition.',
    oneOf: Object.entries(SIMULATED_ACTIONS).map(([type, schema]) => ({
      type: 'object',
      required: ['at', 'type', ...(schema.required as string[])],
      properties: { at: { type: 'string' }, type: { const: type }, ...(schema.properties as Record<string, SchemaObject>) },
    })),
  },
  SimulatedStep: {
    type: 'object',
    required: ['name', 'label', 'status', 'condition', 'conditionMet', 'mode', 'quorum', 'approvers', 'onEnter', 'onLeave'],
    properties: {
      name: { type: 'string' },
      label: { type: 'string' },
      status: { type: 'string', enum: ['entered', 'skipped'] },
      condition: nullable('string'),
      conditionMet: { type: 'boolean', description: 'What the condition gave when the machine reached the step (true without one).' },
      mode: { type: 'string', enum: ['first', 'all', 'quorum'] },
      quorum: { type: 'integer' },
      approvers: {
        type: 'array',
        items: { allOf: [schemaRef('ApprovalUser')], properties: { delegate: { ...schemaRef('ApprovalUser'), description: 'Who would get the item in their place today.' } } },
      },
      noApprover: { type: 'string', description: 'Why nobody would be asked: the real event would be refused with 409 `no_approver` here.' },
      onEnter: actions('Run when the step begins.'),
      onLeave: actions('Run when the step ends.'),
    },
  },
  ApprovalSimulation: {
    type: 'object',
    required: ['process', 'object', 'active', 'record', 'submitter', 'maySubmit', 'entryCriteria', 'admitted', 'path', 'steps', 'onSubmit', 'onApprove', 'changes', 'problems'],
    properties: {
      process: { type: 'string' },
      object: { type: 'string' },
      active: { type: 'boolean', description: 'Inactive processes are simulated too.' },
      record: nullable('string', 'The stored record simulated; null for sample values.'),
      submitter: schemaRef('ApprovalUser'),
      maySubmit: { type: 'boolean' },
      entryCriteria: nullable('string'),
      admitted: { type: 'boolean', description: 'False: a submit would be refused (422) and nothing else is walked.' },
      path: { type: 'array', items: { type: 'string' }, description: 'The steps the record would wait at, in order, then how it ends (`approved`).' },
      steps: { type: 'array', items: schemaRef('SimulatedStep'), description: 'Every step, in order, entered or skipped; empty when not admitted.' },
      onSubmit: actions('Run on submit.'),
      onApprove: actions('Run when the last step approves.'),
      changes: { type: 'object', description: 'The fields the actions would set, with their final values.' },
      problems: { type: 'array', items: schemaRef('ErrorDetail'), description: 'What would stop or break the real run, at its path in the definition.' },
    },
  },
};

const processName: Parameter = { name: 'name', in: 'path', required: true, description: 'The API name of the approval process.', schema: schemaRef('ApiName') };

function eventOperation(compiled: CompiledObject, action: ApprovalActionName): Operation {
  const name = compiled.name;
  const event = EVENTS[action];
  const schema = event.required ? { allOf: [schemaRef('ApprovalEventRequest')], required: [event.required] } : schemaRef('ApprovalEventRequest');
  return {
    operationId: `records.${name}.approval.${action}`,
    summary: `${event.summary} (${compiled.object.label.en})`,
    description: `${event.description} Applied atomically and written to the history.`,
    tags: [name],
    requestBody: { required: event.required !== undefined, content: json(schema) },
    responses: {
      '200': { description: 'The approval after the event.', content: json(schemaRef('ApprovalView')) },
      '400': responseRef('BadRequest', `A missing or too long comment, a missing \`to\`, or no active process or user by the name sent.`),
      '403': responseRef('Forbidden', 'The caller may not send this event at this step: not the submitter, not a pending approver, or recalling is off.'),
      '404': responseRef('NotFound', `No such ${name} record, or one the caller may not see.`),
      '409': responseRef('Conflict', 'The state does not allow it (`already_pending`, `not_pending`, `no_process`, `no_approver`, `already_assigned`), or someone acted at the same moment (`approval_conflict`).'),
      '413': responseRef('PayloadTooLarge'),
      '422': responseRef('RuleViolated', 'The record does not meet the entry criteria (`entry_criteria_not_met`), or a field an action sets breaks a validation rule or an expression failed.'),
    },
  };
}

/** The approval of one record and its events, for an object that has approval processes. */
function recordApprovalPaths(compiled: CompiledObject): Record<string, PathItem> {
  const name = compiled.name;
  const one = `${RECORDS_BASE}/${name}/{id}/approval`;
  const paths: Record<string, PathItem> = {
    [one]: {
      parameters: [parameterRef('RecordId')],
      get: {
        operationId: `records.${name}.approval.get`,
        summary: `The approval of a ${compiled.object.label.en} record`,
        description: 'For anyone who may see the record; approvers see the records they are or were asked about.',
        tags: [name],
        responses: {
          '200': { description: 'The approval; status `none` for a record never submitted.', content: json(schemaRef('ApprovalView')) },
          '403': responseRef('Forbidden', `No permission set grants reading ${name} records.`),
          '404': responseRef('NotFound', `No such ${name} record, or one the caller may not see.`),
        },
      },
    },
  };
  for (const action of APPROVAL_ACTIONS) paths[`${one}/${action}`] = { parameters: [parameterRef('RecordId')], post: eventOperation(compiled, action) };
  return paths;
}

/**
 * The approval routes: each record's approval and events on the objects that have a process, the
 * caller's inbox, and for each process its compiled machine and its simulation.
 */
export function approvalPaths(objectsWithProcesses: readonly CompiledObject[]): OpenApiFragment {
  const paths: Record<string, PathItem> = {};
  for (const compiled of objectsWithProcesses) Object.assign(paths, recordApprovalPaths(compiled));
  paths[INBOX] = {
    get: {
      operationId: 'approvals.inbox',
      summary: "The caller's pending approvals",
      description: 'Every pending item assigned to the caller (as approver or delegate), across objects.',
      tags: [TAG],
      parameters: [
        { name: 'sort', in: 'query', description: '`assignedAt` (oldest first), `-assignedAt` (newest first); `age` and `-age` likewise, by waiting time.', schema: { type: 'string', enum: ['assignedAt', '-assignedAt', 'age', '-age'], default: 'assignedAt' } },
        { name: 'limit', in: 'query', description: `How many items, 1 to ${MAX_LIMIT}.`, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
      ],
      responses: { '200': { description: 'The items.', content: json(schemaRef('ApprovalInbox')) }, '400': responseRef('BadRequest', 'An unknown sort, or a limit out of range.') },
    },
  };
  paths[`${PROCESSES}/{name}/machine`] = {
    parameters: [processName],
    get: {
      operationId: 'meta.getApprovalProcessMachine',
      summary: 'The compiled state machine of a process',
      description: "What the studio draws: the XState machine config the process compiles to, as of the process's current definition.",
      tags: [META_TAG],
      responses: {
        '200': { description: 'The machine config.', content: json(schemaRef('ApprovalMachine')) },
        '403': responseRef('Forbidden', 'Only users who may manage metadata can read it.'),
        '404': responseRef('NotFound'),
      },
    },
  };
  paths[VERSIONS_PATH] = { parameters: [processName], get: listVersionsOperation(META_TAG) };
  paths[`${PROCESSES}/{name}/simulate`] = {
    parameters: [processName],
    post: {
      operationId: 'meta.simulateApprovalProcess',
      summary: 'Simulate a process on a sample or stored record',
      description:
        'The path the record would take if every step approved, following the compiled machine: the entry criteria, each step entered or skipped with what its condition gave, ' +
        'the approvers each step would ask among the current users, and every action with its expressions evaluated and templates rendered. Writes nothing; for administrators; inactive processes too.',
      tags: [META_TAG],
      requestBody: { required: true, content: json(schemaRef('ApprovalSimulationRequest')) },
      responses: {
        '200': { description: 'The simulated path.', content: json(schemaRef('ApprovalSimulation')) },
        '400': responseRef('BadRequest', 'Neither record nor recordId, a value the object refuses (at /record/<field>), or no active user as submitter.'),
        '403': responseRef('Forbidden', 'Only users who may manage metadata can simulate.'),
        '404': responseRef('NotFound', 'No such process, or no such stored record.'),
        '413': responseRef('PayloadTooLarge'),
        '422': responseRef('ExpressionFailed'),
      },
    },
  };
  return { tags: [{ name: TAG, description: 'The approval inbox. Each record\'s approval is under its object; process definitions, machines and simulations under Metadata.' }], paths, schemas: APPROVAL_SCHEMAS };
}

/** Left out of the documents of users who may not manage metadata, whom the route refuses. */
export const SIMULATE_PATH = `${PROCESSES}/{name}/simulate`;
