import type { ErrorDetail } from '../errors/index.js';
import { checkDependencies } from './check-dependencies.js';
import { fieldTypes, type ResolvedField, type ResolvedFieldCommon, type ResolvedMasterDetailField } from '../fields/index.js';
import type { FieldDefinitionOf, FieldTypeName } from '../fields/field-type.js';
import { reservedNameProblem } from './api-names.js';
import { resolveLabels } from './labels.js';
import type { ResolvedObject } from './resolved-object.js';
import type { Field, ObjectDefinition } from '../schemas/generated/object.js';
import { resolveRollup } from './resolve-rollup.js';
import { msg } from '../i18n/message.js';

/**
 * Turns an object as written (already valid against its JSON Schema) into its resolved shape, or
 * lists every problem the schema cannot see: reserved or repeated names, lookups to objects that
 * do not exist, unique flags on types that cannot be unique.
 */
export function resolveObject(
  definition: ObjectDefinition,
  knownObjects: ReadonlyMap<string, ObjectDefinition>,
): { object: ResolvedObject; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const reserved = reservedNameProblem(definition.name, '/name', 'object');
  if (reserved) problems.push(reserved);

  const fields: ResolvedField[] = [];
  const fieldsByName = new Map<string, ResolvedField>();
  (definition.fields ?? []).forEach((field, index) => {
    const path = `/fields/${index}`;
    if (fieldsByName.has(field.name)) {
      problems.push({ path: `${path}/name`, message: msg`'${field.name}' is already the name of another field of ${definition.name}` });
      return;
    }
    const reservedField = reservedNameProblem(field.name, `${path}/name`, 'field');
    if (reservedField) problems.push(reservedField);
    const resolved = resolveField(field);
    if ((resolved.type === 'lookup' || resolved.type === 'masterdetail') && !knownObjects.has(resolved.target)) {
      problems.push({ path: `${path}/target`, message: msg`there is no object named '${resolved.target}'; define it first` });
    }
    if (resolved.unique && !fieldTypes[resolved.type].sortable) {
      problems.push({ path: `${path}/unique`, message: msg`a ${resolved.type} field cannot be unique` });
    }
    if (field.externalId && field.unique === false) {
      problems.push({ path: `${path}/unique`, message: msg`an external id is unique: leave 'unique' out or set it to true` });
    }
    if (resolved.externalId && !EXTERNAL_ID_TYPES.has(resolved.type)) {
      problems.push({ path: `${path}/externalId`, message: msg`a ${resolved.type} field cannot be an external id; use a text, number, e-mail, phone or URL field` });
    }
    if (resolved.indexed && !fieldTypes[resolved.type].sortable && resolved.type !== 'multipicklist') {
      problems.push({ path: `${path}/indexed`, message: msg`a ${resolved.type} field cannot be indexed` });
    }
    problems.push(...encryptionProblems(field, resolved, path));
    if (resolved.type === 'lookup' && resolved.required && resolved.onDelete === 'clear') {
      problems.push({ path: `${path}/onDelete`, message: msg`a required lookup cannot be cleared when its record is deleted; use 'restrict'` });
    }
    const final = resolved.type === 'rollup' ? resolveRollup(resolved, definition.name, knownObjects, path, problems) : resolved;
    fields.push(final);
    fieldsByName.set(final.name, final);
  });

  problems.push(...checkDependencies(fields));
  const master = fields.find((field): field is ResolvedMasterDetailField => field.type === 'masterdetail');
  if (master && definition.sharing !== undefined) {
    problems.push({ path: '/sharing', message: msg`${definition.name} is a detail of ${master.target}: its records follow their master's sharing, so it has none of its own` });
  }
  const object: ResolvedObject = {
    name: definition.name,
    label: resolveLabels(definition.label, definition.name),
    pluralLabel: resolveLabels(definition.pluralLabel ?? definition.label, definition.name),
    ...(definition.description === undefined ? {} : { description: definition.description }),
    icon: definition.icon ?? DEFAULT_OBJECT_ICON,
    fields,
    fieldsByName,
    sharing: master ? 'controlledByParent' : (definition.sharing ?? 'publicReadWrite'),
    grantAccessUsingHierarchy: definition.grantAccessUsingHierarchy ?? true,
    master: master ?? null,
  };
  return { object, problems };
}

/** The types whose values name a record in another system. */
const EXTERNAL_ID_TYPES: ReadonlySet<string> = new Set(['text', 'number', 'email', 'phone', 'url']);

/** The icon of an object that names none: a record, a sheet of paper. */
export const DEFAULT_OBJECT_ICON = 'FileTextOutlined';

export function resolveField(field: Field): ResolvedField {
  const common: ResolvedFieldCommon = {
    name: field.name,
    label: resolveLabels(field.label, field.name),
    ...(field.helpText === undefined ? {} : { helpText: field.helpText }),
    ...(field.description === undefined ? {} : { description: field.description }),
    required: field.required ?? false,
    // An external id identifies one record: it is unique whatever `unique` says (false is refused below).
    unique: (field.unique ?? false) || (field.externalId ?? false),
    externalId: field.externalId ?? false,
    indexed: field.indexed ?? false,
    trackHistory: field.trackHistory ?? false,
    ...(field.default === undefined ? {} : { default: field.default }),
    ...(field.defaultExpression === undefined ? {} : { defaultExpression: field.defaultExpression }),
    ...('encrypted' in field && field.encrypted ? { encryption: field.deterministic ? 'deterministic' : 'random' } : {}),
  };
  return resolveTyped(field.type, field, common);
}

function resolveTyped<K extends FieldTypeName>(type: K, field: Field, common: ResolvedFieldCommon): ResolvedField {
  const fieldType = fieldTypes[type] as unknown as {
    resolve(definition: FieldDefinitionOf<K>, common: ResolvedFieldCommon): ResolvedField;
  };
  return fieldType.resolve(field as FieldDefinitionOf<K>, common);
}

/**
 * An encrypted value is stored as ciphertext: the store cannot keep one value per record (unique,
 * external id) nor an order (an index for sorting) of what it cannot read. A deterministic one may be
 * indexed, since equality still holds between its ciphertexts.
 */
function encryptionProblems(field: Field, resolved: ResolvedField, path: string): ErrorDetail[] {
  const written = field as { encrypted?: boolean; deterministic?: boolean };
  if (written.deterministic && !written.encrypted) return [{ path: `${path}/deterministic`, message: msg`applies only to an encrypted field: set 'encrypted' to true, or leave 'deterministic' out` }];
  if (!resolved.encryption) return [];
  const problems: ErrorDetail[] = [];
  if (resolved.unique) problems.push({ path: `${path}/${resolved.externalId ? 'externalId' : 'unique'}`, message: msg`an encrypted field cannot be unique or an external id` });
  if (resolved.indexed && resolved.encryption === 'random') problems.push({ path: `${path}/indexed`, message: msg`an encrypted field can be indexed only with 'deterministic' set to true (equality is all an index could serve)` });
  return problems;
}

