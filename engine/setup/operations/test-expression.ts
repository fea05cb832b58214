import { NotFoundError, ValidationError } from '../../errors/index.js';
import { ExpressionEvaluationError, compileExpression, evaluateExpression, expressionScope, isCompiled, toResultType, type FormulaResultType, type JsonValue } from '../../formula/index.js';
import { expressionBindings, expressionInput } from '../../records/logic/expression-input.js';
import { presentRecord } from '../../metadata/record-shape/record.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { checkSetupRight } from '../../security/object-access.js';
import type { OperationContext } from '../../context/index.js';
import { EXPRESSION_VARIABLES } from '../../metadata/object-logic.js';
import { requireObject } from './require-object.js';
import { msg } from '../../i18n/message.js';

const RESULT_TYPES: readonly FormulaResultType[] = ['text', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean'];

export interface ExpressionTest {
  result: JsonValue;
  /** The fields and parent fields the expression reads. */
  references: { fields: readonly string[]; parents: readonly { lookup: string; field: string }[] };
}

/**
 * Evaluates an expression as a formula or rule of `object` would be, against a sample record or a
 * stored one (with its parents), so the studio can preview it before it is saved. Writes nothing.
 */
export async function testExpression(ctx: OperationContext, body: unknown): Promise<ExpressionTest> {
  // A tool of the setup: it reads any record and any field, whatever their sharing.
  checkSetupRight(ctx);
  const request = parseRequest(body);
  const object = requireObject(ctx.snapshot, request.object);
  const compiled = compileExpression(
    request.expression,
    expressionScope(object.object, (name) => ctx.snapshot.object(name)?.object, EXPRESSION_VARIABLES),
    '/expression',
  );
  // The position goes out with each problem so the expression editor can underline it.
  if (!isCompiled(compiled)) {
    throw new ValidationError(compiled.problems.map(({ path, message, position }) => (position === undefined ? { path, message } : { path, message, position })));
  }

  let input: Record<string, unknown> = { ...(request.record ?? {}) };
  if (request.recordId) {
    const stored = await ctx.tenant.store.collection(object.collection).findOne(alive({ _id: request.recordId }));
    if (!stored) throw new NotFoundError(msg`There is no ${object.object.label} record with id '${request.recordId}'.`);
    input = presentRecord(stored);
  }
  const lookups = new Set(compiled.references.parents.map((parent) => parent.lookup));
  const withParents = await expressionInput(ctx.tenant.store, ctx, object, input, lookups);
  const value = await evaluateExpression(compiled, withParents, expressionBindings(ctx)).catch((error: unknown) => {
    throw atPosition(error);
  });
  return {
    result: request.resultType ? toResultType(value, request.resultType) : value,
    references: compiled.references,
  };
}

interface TestRequest {
  object: string;
  expression: string;
  record?: Record<string, unknown>;
  recordId?: string;
  resultType?: FormulaResultType;
}

function parseRequest(body: unknown): TestRequest {
  const problems = [];
  const input = (body ?? {}) as Record<string, unknown>;
  if (typeof input.object !== 'string') problems.push({ path: '/object', message: msg`is required: the API name of the object` });
  if (typeof input.expression !== 'string' || input.expression.trim() === '') problems.push({ path: '/expression', message: msg`is required` });
  if (input.record !== undefined && (input.record === null || typeof input.record !== 'object' || Array.isArray(input.record))) {
    problems.push({ path: '/record', message: msg`must be an object of field values` });
  }
  if (input.recordId !== undefined && typeof input.recordId !== 'string') problems.push({ path: '/recordId', message: msg`must be a record id` });
  if (input.resultType !== undefined && !RESULT_TYPES.includes(input.resultType as FormulaResultType)) {
    problems.push({ path: '/resultType', message: msg`must be one of ${RESULT_TYPES.join(', ')}` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return input as unknown as TestRequest;
}

/** An evaluation error gets one detail on /expression with its position, for the editor's underline. */
function atPosition(error: unknown): unknown {
  if (error instanceof ExpressionEvaluationError && error.position !== undefined && error.details.length === 0) {
    error.details.push({ path: '/expression', message: error.text, position: error.position });
  }
  return error;
}
