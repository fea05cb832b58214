import type { ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/**
 * Words an API name may not be, because the API, the filter language, the store or JavaScript
 * already give them a meaning: a field called `or` would make `filter={"or": ...}` ambiguous,
 * an object called `meta` would shadow a route, `constructor` would shadow a prototype member.
 */
const RESERVED = new Set([
  'and', 'or', 'not', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startswith', 'isnull',
  'id', 'owner', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted', 'workflow',
  'select', 'from', 'where', 'order', 'group', 'limit', 'offset', 'sort', 'filter', 'fields', 'cursor', 'total', 'expand',
  'null', 'true', 'false', 'undefined', 'nan', 'infinity',
  'constructor', 'prototype', 'proto', 'tostring', 'valueof', 'hasownproperty',
  'meta', 'records', 'api', 'openapi', 'docs', 'system', 'admin', 'approval', 'approvals', 'forms', 'reports',
]);

export const API_NAME_RULE =
  msg`must start with a lower-case letter and contain only lower-case letters, digits and single underscores, not ending with an underscore (at most 40 characters)`;

export function reservedNameProblem(name: string, path: string): ErrorDetail | undefined {
  if (!RESERVED.has(name.toLowerCase())) return undefined;
  return { path, message: msg`'${name}' is a reserved word and cannot be an API name; choose another, e.g. '${name}_name'` };
}
