import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { BULK_MODES, type BulkMode } from '../bulk/index.js';
import { DATE_ORDERS, type ColumnMapping, type DateOrder, type ImportSettings } from './import-doc.js';

/**
 * The settings of a dry run or a run as sent (`{ mapping: [{ column, field, match? }], mode,
 * externalId?, dateOrder?, decimalSeparator? }`), checked for shape; the mapping is checked
 * against the file and the object by checkMapping.
 */
export function parseImportSettings(body: unknown): ImportSettings {
  const problems: ErrorDetail[] = [];
  const input = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  if (input !== body) problems.push({ path: '', message: msg`must be a JSON object with the mapping and the mode` });
  const mapping: ColumnMapping[] = [];
  if (!Array.isArray(input.mapping)) problems.push({ path: '/mapping', message: msg`must be a list of { column, field } pairs` });
  else {
    input.mapping.forEach((entry: unknown, i) => {
      const pair = entry as Record<string, unknown> | null;
      if (pair === null || typeof pair !== 'object' || typeof pair.column !== 'string' || typeof pair.field !== 'string' || (pair.match !== undefined && typeof pair.match !== 'string')) {
        problems.push({ path: `/mapping/${i}`, message: msg`must be { column, field } with an optional match, each a text` });
        return;
      }
      mapping.push({ column: pair.column, field: pair.field, ...(typeof pair.match === 'string' ? { match: pair.match } : {}) });
    });
  }
  const mode = input.mode ?? (input.externalId ? 'upsert' : 'insert');
  if (!BULK_MODES.includes(mode as BulkMode)) problems.push({ path: '/mode', message: msg`must be one of ${BULK_MODES.join(', ')}, got '${String(mode)}'` });
  if (input.externalId !== undefined && typeof input.externalId !== 'string') problems.push({ path: '/externalId', message: msg`must be the name of an external-id field` });
  const dateOrder = input.dateOrder ?? 'MDY';
  if (!DATE_ORDERS.includes(dateOrder as DateOrder)) problems.push({ path: '/dateOrder', message: msg`must be one of ${DATE_ORDERS.join(', ')}, got '${String(dateOrder)}'` });
  const decimalSeparator = input.decimalSeparator ?? '.';
  if (decimalSeparator !== '.' && decimalSeparator !== ',') problems.push({ path: '/decimalSeparator', message: msg`must be '.' or ','` });
  if (problems.length > 0) throw new ValidationError(problems);
  return {
    mapping,
    mode: mode as BulkMode,
    ...(typeof input.externalId === 'string' && input.externalId !== '' ? { externalId: input.externalId } : {}),
    dateOrder: dateOrder as DateOrder,
    decimalSeparator: decimalSeparator as '.' | ',',
  };
}
