import { EngineError, NotFoundError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { RECORD_ID_PATTERN } from '../fields/record-id.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { applyDefaults } from '../records/defaults.js';
import { applyDefaultExpressions, computeDerived } from '../records/logic/apply-logic.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { normalizeValues, validateValues } from '../records/validate-values.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { readUsers, type UserDoc } from './describe-actions.js';
import type { ApprovalRecord } from './transition-record.js';
import { msg } from '../i18n/message.js';

/** The body of POST …/approval-processes/:name/simulate. */
export interface SimulationRequest {
  /** Field values of a sample record; with `recordId`, values to try on the stored record instead of its own. */
  record?: Record<string, unknown>;
  /** A stored record of the process's object. */
  recordId?: string;
  /** Who submits; default the caller. */
  submitter?: string;
}

const KEYS: ReadonlySet<string> = new Set(['record', 'recordId', 'submitter']);
const RECORD_ID = new RegExp(RECORD_ID_PATTERN);

export function parseSimulationRequest(body: unknown): SimulationRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '', message: msg`must be a JSON object: {"record": {field values}} or {"recordId": "<id>"}, with an optional "submitter"` }]);
  }
  const input = body as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  for (const key of Object.keys(input)) if (!KEYS.has(key)) problems.push({ path: `/${key}`, message: msg`is not allowed: send record, recordId and submitter` });
  if (input.record !== undefined && (input.record === null || typeof input.record !== 'object' || Array.isArray(input.record))) {
    problems.push({ path: '/record', message: msg`must be an object of field values` });
  }
  if (input.recordId !== undefined && (typeof input.recordId !== 'string' || !RECORD_ID.test(input.recordId))) {
    problems.push({ path: '/recordId', message: msg`must be a record id (24 hexadecimal characters)` });
  }
  if (input.submitter !== undefined && (typeof input.submitter !== 'string' || input.submitter === '')) problems.push({ path: '/submitter', message: msg`must be a user id` });
  if (input.record === undefined && input.recordId === undefined) {
    problems.push({ path: '/record', message: msg`is required without recordId: send sample field values, or the id of a stored record` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return input as SimulationRequest;
}

/**
 * The submitter and the record to simulate, read without writing: a stored record as it is, or
 * sample values through the steps a new record's values go (defaults, default expressions,
 * validation, stored form, formulas), owned by the submitter. Sample values over a stored record
 * replace its own.
 */
export async function simulatedRecord(
  reader: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  request: SimulationRequest,
): Promise<{ submitter: UserDoc; record: ApprovalRecord }> {
  const submitterId = request.submitter ?? ctx.principal.userId;
  const submitter = (await readUsers(reader, ctx, [submitterId])).get(submitterId);
  if (!submitter || submitter.active === false) throw new ValidationError([{ path: '/submitter', message: msg`there is no active user with id '${submitterId}'` }]);

  let base: Record<string, unknown> = { _owner: submitter._id };
  if (request.recordId !== undefined) {
    const stored = await reader.collection(object.collection).findOne(alive({ _id: request.recordId }));
    if (!stored) throw new NotFoundError(msg`There is no ${object.object.label} record with id '${request.recordId}'.`);
    base = stored;
  }
  if (request.record === undefined) return { submitter, record: base as ApprovalRecord };

  const values = request.recordId !== undefined ? request.record : await applyDefaultExpressions(reader, ctx, object, applyDefaults(object, request.record));
  try {
    validateValues(object, object.validatePatch, values);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'validation_failed') {
      throw new ValidationError(error.details.map((detail) => ({ path: `/record${detail.path}`, message: detail.message })));
    }
    throw error;
  }
  const record: Record<string, unknown> = { ...base, ...normalizeValues(object, values) };
  const { computed } = await computeDerived(reader, ctx, object, record);
  for (const [name, value] of Object.entries(computed)) {
    if (value === null) delete record[name];
    else record[name] = value;
  }
  return { submitter, record: record as ApprovalRecord };
}
