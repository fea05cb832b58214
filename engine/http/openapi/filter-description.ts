import { fieldTypeOf, formulaOperators, type FilterOperator, type ResolvedField } from '../../fields/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { SYSTEM_FIELD_RULES } from '../../metadata/query/system-field-filters.js';

/** Keyed by the operator union, so a new operator without its documentation is a compile error. */
const OPERATORS: Record<FilterOperator, string> = {
  eq: 'equals; a bare value means the same (`{"priority": "high"}`); `null` matches records without a value',
  ne: 'does not equal; `null` matches records with a value',
  gt: 'greater than',
  gte: 'greater than or equal to',
  lt: 'less than',
  lte: 'less than or equal to',
  in: 'equals one of a non-empty list of values',
  nin: 'equals none of a non-empty list of values',
  contains: 'contains the text, ignoring case (1 to 255 characters)',
  startsWith: 'starts with the text, ignoring case (1 to 255 characters)',
  isNull: '`true`: the record has no value; `false`: it has one',
};

const LANGUAGE = [
  'A JSON object of conditions, URL-encoded. Each key names a field; its value is a bare value (equality) or an object of operators, all of which must hold:',
  '',
  '| operator | matches records whose value |',
  '|---|---|',
  ...Object.entries(OPERATORS).map(([operator, meaning]) => `| \`${operator}\` | ${meaning} |`),
  '',
  'Conditions on several fields must all hold. `and` and `or` take a non-empty list of such objects and nest: ' +
    '`{"or": [{"priority": "high"}, {"amount": {"gte": 10000}}]}`.',
  'Operands must be valid values of the field (a date as YYYY-MM-DD, a picklist value among its choices); ' +
    'on a multi-select picklist, `eq` and `in` match records holding any of the given values. ' +
    'Keys starting with `$` are refused: the filter language is the only way to query.',
].join('\n');

function row(name: string, type: string, operators: readonly FilterOperator[]): string {
  return `| \`${name}\` | ${type} | ${operators.map((operator) => `\`${operator}\``).join(', ')} |`;
}

/** A formula field is filtered like the type it returns (metadata/query/filter-language.ts). */
function operatorsOf(field: ResolvedField): readonly FilterOperator[] {
  return field.type === 'formula' ? formulaOperators(field) : fieldTypeOf(field).operators;
}

function typeOf(field: ResolvedField): string {
  return field.type === 'formula' ? `formula (${field.resultType})` : field.type;
}

/** The filter language in full, then which operators each field of this object allows. */
export function filterDescription(object: CompiledObject): string {
  const fields = object.object.fields.map((field) => row(field.name, typeOf(field), operatorsOf(field)));
  const system = Object.entries(SYSTEM_FIELD_RULES).map(([name, rule]) => row(name, 'system', rule.operators));
  return [LANGUAGE, '', `Operators allowed on the fields of ${object.name}:`, '', '| field | type | operators |', '|---|---|---|', ...fields, ...system].join('\n');
}

/** `sort`: which fields may be named; multi-select picklists and JSON cannot be ordered. */
export function sortDescription(object: CompiledObject): string {
  const sortable = object.object.fields.filter((field) => fieldTypeOf(field).sortable).map((field) => field.name);
  const names = [...sortable, ...Object.keys(SYSTEM_FIELD_RULES)].map((name) => `\`${name}\``).join(', ');
  return `Comma-separated fields, \`-\` before a field for descending order, e.g. \`-_createdAt,_id\`. Sortable: ${names}.`;
}

export function fieldsDescription(object: CompiledObject): string {
  const names = [...object.object.fields.map((field) => field.name), ...Object.keys(SYSTEM_FIELD_RULES)];
  return `Comma-separated fields to return (\`_id\` and \`_version\` always come): ${names.map((name) => `\`${name}\``).join(', ')}.`;
}
