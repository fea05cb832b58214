import type { Labels, ResolvedField } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { localize } from '../../i18n/language.js';
import { msg, type Text } from '../../i18n/message.js';

/** The type of a value a report reads: a field type, or the result type of a formula. */
export type ValueType = ResolvedField['type'];

/** A field a report names (the object's own, a system field, or a parent's at the end of a path), as reports read it. */
export interface ReportField {
  readonly name: string;
  readonly label: Labels;
  /** The field's type as the snapshot has it; a formula's is its result type. */
  readonly type: ValueType;
  /** Lookups and master-details (and _owner, _createdBy, _updatedBy): the object they point at. */
  readonly target?: string;
  /** The resolved field itself; undefined for system fields. */
  readonly field?: ResolvedField;
}

const USER_REFERENCES: Record<string, Labels> = {
  _owner: { en: 'Owner', 'zh-CN': '所有人' },
  _createdBy: { en: 'Created by', 'zh-CN': '创建人' },
  _updatedBy: { en: 'Last modified by', 'zh-CN': '最后修改人' },
};
const SYSTEM_DATE_TIMES: Record<string, Labels> = {
  _createdAt: { en: 'Created', 'zh-CN': '创建时间' },
  _updatedAt: { en: 'Last modified', 'zh-CN': '最后修改时间' },
};

/** One field of an object as a report reads it; undefined when the object has no such field. */
export function reportField(object: CompiledObject, name: string): ReportField | undefined {
  const user = USER_REFERENCES[name];
  if (user) return { name, label: user, type: 'lookup', target: 'user' };
  const moment = SYSTEM_DATE_TIMES[name];
  if (moment) return { name, label: moment, type: 'datetime' };
  const field = object.field(name);
  if (!field) return undefined;
  const type: ValueType = field.type === 'formula' ? (field.resultType as ValueType) : field.type;
  const target = field.type === 'lookup' || field.type === 'masterdetail' ? field.target : undefined;
  return { name, label: field.label, type, field, ...(target ? { target } : {}) };
}

/** Each step of a path: the object it starts on and the field it reads there. */
export interface PathStep {
  readonly object: CompiledObject;
  readonly field: ReportField;
}

/** A path resolved: `account.owner.role` is opportunity.account → account.owner → user.role. */
export interface ResolvedPath {
  readonly path: string;
  readonly steps: readonly PathStep[];
  /** The field at the end of the path. */
  readonly field: ReportField;
  /** The labels of the steps joined (Account › Owner › Role): how a report names the column. */
  readonly label: Labels;
}

/**
 * Follows a path of field names from an object through its lookups. `hidden` tells, per object,
 * which fields the reader may not read: such a field is unknown to them, as in lists. The problem
 * says which part of the path is wrong and what would be right.
 */
export function resolvePath(
  objects: ReadonlyMap<string, CompiledObject>,
  start: CompiledObject,
  path: string,
  hidden: (object: CompiledObject) => ReadonlySet<string> = () => new Set(),
): { resolved?: ResolvedPath; problem?: Text } {
  const names = path.split('.');
  const steps: PathStep[] = [];
  let object = start;
  for (const [i, name] of names.entries()) {
    const field = hidden(object).has(name) ? undefined : reportField(object, name);
    if (!field) return { problem: msg`'${name}' is not a field of ${object.name}` };
    steps.push({ object, field });
    if (i === names.length - 1) break;
    const next = field.target ? objects.get(field.target) : undefined;
    if (!next) return { problem: msg`'${name}' is a ${field.type} field of ${object.name}: only a lookup leads to a parent's fields, like ${names.slice(0, i).concat('account', 'name').join('.')}` };
    object = next;
  }
  const last = steps[steps.length - 1]!;
  const label = {
    en: steps.map((step) => step.field.label.en).join(' › '),
    'zh-CN': steps.map((step) => step.field.label['zh-CN']).join(' › '),
    // A Traditional label only where a step has one written; else the Simplified one is converted when read.
    ...(steps.some((step) => step.field.label['zh-TW']) ? { 'zh-TW': steps.map((step) => localize(step.field.label, 'zh-TW')).join(' › ') } : {}),
  };
  return { resolved: { path, steps, field: last.field, label } };
}
