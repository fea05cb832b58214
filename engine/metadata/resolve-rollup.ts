import type { ErrorDetail } from '../errors/index.js';
import type { ResolvedRollupField } from '../fields/index.js';
import type { Field, ObjectDefinition } from '../schemas/generated/object.js';
import { msg } from '../i18n/message.js';

const NUMERIC = new Set(['number', 'currency', 'percent', 'rollup']);
const ORDERED = new Set([...NUMERIC, 'date', 'datetime']);

/**
 * Checks a roll-up against its detail object and names the relationship: the detail must exist
 * and point here through a master-detail field, and the summarized field must suit the function
 * (sum wants numbers; min and max also take dates).
 */
export function resolveRollup(
  rollup: ResolvedRollupField,
  master: string,
  objects: ReadonlyMap<string, ObjectDefinition>,
  path: string,
  problems: ErrorDetail[],
): ResolvedRollupField {
  const child = objects.get(rollup.child);
  if (!child) {
    problems.push({ path: `${path}/child`, message: msg`there is no object named '${rollup.child}'` });
    return rollup;
  }
  const fields = child.fields ?? [];
  const pointers = fields.filter((field) => field.type === 'masterdetail' && field.target === master);
  const relationship = rollup.relationship ? pointers.find((field) => field.name === rollup.relationship) : pointers.length === 1 ? pointers[0] : undefined;
  if (!relationship) {
    const message = rollup.relationship
      ? msg`'${rollup.relationship}' is not a master-detail field of ${child.name} pointing at ${master}`
      : pointers.length === 0
        ? msg`${child.name} has no master-detail field pointing at ${master}; roll-ups summarize detail records`
        : msg`${child.name} has several master-detail fields pointing at ${master}; name one in 'relationship'`;
    problems.push({ path: `${path}/${rollup.relationship ? 'relationship' : 'child'}`, message });
    return rollup;
  }
  checkSummarizedField(rollup, fields, child.name, path, problems);
  return { ...rollup, relationship: relationship.name };
}

function checkSummarizedField(rollup: ResolvedRollupField, fields: Field[], child: string, path: string, problems: ErrorDetail[]): void {
  if (rollup.function === 'count') return;
  if (!rollup.field) {
    problems.push({ path: `${path}/field`, message: rollup.function === 'sum' ? msg`is required: name the ${child} field to sum` : msg`is required: name the ${child} field to take the ${rollup.function}imum of` });
    return;
  }
  const field = fields.find((candidate) => candidate.name === rollup.field);
  if (!field) {
    problems.push({ path: `${path}/field`, message: msg`'${rollup.field}' is not a field of ${child}` });
    return;
  }
  const type = field.type === 'formula' ? field.resultType : field.type;
  const allowed = rollup.function === 'sum' ? NUMERIC : ORDERED;
  if (!allowed.has(type)) {
    problems.push({ path: `${path}/field`, message: msg`a ${rollup.function} cannot be taken of a ${type} field` });
  }
}
