import { fieldTypes } from '../fields/index.js';
import type { IndexSpec } from '../store/port.js';
import type { ResolvedObject } from './resolved-object.js';
import type { ListViewDefinition } from '../schemas/generated/list-view.js';

/**
 * The system fields the record-access filter of a private or public read-only object reads (the
 * owner, the manual shares, the approvers): a public read/write object is read and edited by all
 * who may, and a detail of a master-detail through its master's lookup, so neither needs them. A
 * multi-value one (`_readers`, `_editors`, `_approvers`) is indexed per element, as MongoDB's
 * multikey indexes are. Names are fixed, so that ensuring them again changes nothing.
 */
const ACCESS_INDEXES: readonly IndexSpec[] = [
  { name: 'sys_owner', keys: { _owner: 1 } },
  // Most records have no shares, no approvers and are not deleted: sparse indexes hold only those
  // that do, so that a create writes no entry in them.
  { name: 'sys_readers', keys: { _readers: 1 }, sparse: true },
  { name: 'sys_editors', keys: { _editors: 1 }, sparse: true },
  { name: 'sys_approvers', keys: { _approvers: 1 }, sparse: true },
];

const BIN_INDEXES: readonly IndexSpec[] = [
  // The bin lists `_deleted: true` newest first: the pinned mark, then the date, is that order.
  { name: 'sys_deleted', keys: { _deleted: 1, _deletedAt: -1 }, sparse: true },
];

/** A process's versions count the records waiting in each; only records that went through approval have an entry. */
const WORKFLOW_INDEXES: readonly IndexSpec[] = [{ name: 'sys_workflow', keys: { '_workflow.status': 1, '_workflow.process': 1, '_workflow.version': 1 }, sparse: true }];

/** System fields a list may filter or sort by, which a list view's index may name. */
const LISTABLE_SYSTEM_FIELDS = new Set(['_owner', '_createdAt', '_updatedAt', '_createdBy', '_updatedBy']);

/**
 * The indexes of an object's records: unique fields and auto-numbers unique; lookups and
 * master-detail fields for their reverse look-ups; the access fields above where the sharing model
 * reads them, the recycle bin's and the approval versions'; the fields flagged `indexed` and those a shared list view
 * filters or sorts by (`viewFields`), one single-field index each, named after the field whatever
 * the reason it is indexed.
 */
export function recordIndexes(object: ResolvedObject, viewFields: readonly string[]): IndexSpec[] {
  const indexes: IndexSpec[] = [];
  const covered = new Set<string>();
  for (const field of object.fields) {
    if (field.unique || field.type === 'autonumber') {
      indexes.push({ name: `unique_${field.name}`, keys: { [field.name]: 1 }, unique: true });
      covered.add(field.name);
    } else if (field.type === 'lookup' || field.type === 'masterdetail') {
      indexes.push({ name: `ref_${field.name}`, keys: { [field.name]: 1 } });
      covered.add(field.name);
    }
  }
  if (object.sharing === 'private' || object.sharing === 'publicRead') {
    indexes.push(...ACCESS_INDEXES);
    covered.add('_owner');
  }
  indexes.push(...BIN_INDEXES, ...WORKFLOW_INDEXES);
  const wanted = [...object.fields.filter((field) => field.indexed).map((field) => field.name), ...viewFields];
  for (const name of new Set(wanted)) {
    if (covered.has(name)) continue;
    indexes.push({ name: `ix_${name}`, keys: { [name]: 1 } });
  }
  if (object.sharing === 'private' || object.sharing === 'publicRead') indexes.push(...ownerSortIndexes(object, wanted));
  return indexes;
}

/**
 * A user's list of a private object is the union of their own records, their shares and their
 * approvals, sorted: an index on the owner then the sort field walks the first part in the page's
 * order, however many records the user owns, where the owner's index alone would read all of
 * them to sort them. One per field a list sorts by (flagged `indexed`, or a shared view's), and
 * only single-valued ones: an array gives no order.
 */
function ownerSortIndexes(object: ResolvedObject, wanted: readonly string[]): IndexSpec[] {
  const sortable = (name: string) => {
    if (name === '_owner') return false;
    if (LISTABLE_SYSTEM_FIELDS.has(name)) return true;
    const field = object.fieldsByName.get(name);
    return field !== undefined && fieldTypes[field.type].sortable;
  };
  return [...new Set(wanted)].filter(sortable).map((name) => ({ name: `sys_owner_${name}`, keys: { _owner: 1, [name]: 1 } }));
}

/**
 * The fields the shared list views of an object filter or sort by, sorted and without repeats:
 * the object's own fields that can be indexed, and the listable system fields. Names a view may
 * hold that are not such fields (a view not yet valid) are left out.
 */
export function listViewFields(object: ResolvedObject, views: readonly ListViewDefinition[]): string[] {
  const names = new Set<string>();
  for (const view of views) {
    if (view.object !== object.name) continue;
    for (const key of view.sort ?? []) names.add(key.startsWith('-') ? key.slice(1) : key);
    if (view.filter !== undefined) filterFieldNames(view.filter, names);
  }
  return [...names].filter((name) => LISTABLE_SYSTEM_FIELDS.has(name) || indexable(object, name)).sort();
}

function indexable(object: ResolvedObject, name: string): boolean {
  const field = object.fieldsByName.get(name);
  return field !== undefined && (fieldTypes[field.type].sortable || field.type === 'multipicklist');
}

/** The field names of a filter in the API's filter language: its keys, and those inside `and` / `or`. */
function filterFieldNames(filter: unknown, into: Set<string>): void {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) return;
  for (const [key, condition] of Object.entries(filter)) {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) for (const part of condition) filterFieldNames(part, into);
    else into.add(key);
  }
}
