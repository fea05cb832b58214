import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { dataFile, isDemoReference, OWNER, type DemoKeys, type DemoRecord, type PackData } from './pack-data.js';

/** A demo record to create: where it is in the pack, and the demo records it names, by object and key. */
export interface PendingRecord {
  readonly object: string;
  readonly index: number;
  readonly record: DemoRecord;
  /** Its lookups that name demo records: field → the target object and key. */
  readonly references: ReadonlyMap<string, { readonly object: string; readonly key: string }>;
}

/**
 * The demo records an install creates, parents first: the records whose keys the tenant does not
 * have from an earlier install, objects ordered so that an object comes after those it looks up,
 * each object's records in its file's order unless one names a later one. Every problem at once
 * (400), each with its file, index and field: an object neither the tenant nor the pack has, a
 * `{ "$key" }` on a field that is no lookup, a key no demo record has (of the pack, or made by the
 * packs it requires: `required`), records naming each other in a circle. Reads the snapshot the
 * install makes; writes nothing.
 */
export function demoRecordsToCreate(snapshot: Snapshot, data: PackData, installed: DemoKeys, required: DemoKeys = {}): PendingRecord[] {
  const problems: ErrorDetail[] = [];
  const pending: PendingRecord[] = [];
  const has = (object: string, key: string) =>
    installed[object]?.[key] !== undefined || required[object]?.[key] !== undefined || (data[object] ?? []).some((record) => record._key === key);
  for (const object of objectOrder(snapshot, data)) {
    const fields = snapshot.object(object)?.object.fields;
    if (!fields) {
      problems.push({ path: dataFile(object), message: msg`holds records of '${object}', an object neither the tenant nor the pack has` });
      continue;
    }
    data[object]!.forEach((record, index) => {
      if (installed[object]?.[record._key] !== undefined) return;
      const references = new Map<string, { object: string; key: string }>();
      if (OWNER in record && !isDemoReference(record[OWNER])) {
        problems.push({ path: `${dataFile(object)}/${index}/${OWNER}`, message: msg`must name a demo user, { "$key": … }, who owns the record` });
      }
      for (const [name, value] of Object.entries(record)) {
        if (!isDemoReference(value)) continue;
        const path = `${dataFile(object)}/${index}/${name}`;
        // `_owner` names a demo user: the demo's records spread over the demo's people, as a business's are
        const field = fields.find((candidate) => candidate.name === name);
        const target = name === OWNER ? 'user' : field && (field.type === 'lookup' || field.type === 'masterdetail') ? field.target : undefined;
        if (!target) {
          problems.push({ path, message: msg`names a demo record, which only a lookup or master-detail field of '${object}' may ({ "$key": … })` });
        } else if (!has(target, value.$key)) {
          problems.push({ path, message: msg`names demo record '${value.$key}' of '${target}', which neither the pack's data nor the packs it requires hold` });
        } else references.set(name, { object: target, key: value.$key });
      }
      pending.push({ object, index, record, references });
    });
  }
  if (problems.length > 0) throw new ValidationError(problems, msg`The pack's demo data cannot be installed: ${problems.length} problem(s).`);
  return parentsFirst(pending);
}

/** The objects of the data, each after the objects its lookups target (by name where neither must come first, or in a circle). */
function objectOrder(snapshot: Snapshot, data: PackData): string[] {
  const objects = Object.keys(data).sort();
  const targets = (object: string) =>
    [
      ...(snapshot.object(object)?.object.fields ?? []).flatMap((field) => ((field.type === 'lookup' || field.type === 'masterdetail') && field.target !== object && field.target in data ? [field.target] : [])),
      // the demo users who own records come before them
      ...(object !== 'user' && 'user' in data && data[object]!.some((record) => OWNER in record) ? ['user'] : []),
    ];
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (object: string) => {
    if (ordered.includes(object) || visiting.has(object)) return;
    visiting.add(object);
    for (const target of targets(object).sort()) visit(target);
    ordered.push(object);
  };
  for (const object of objects) visit(object);
  return ordered;
}

/** The records in their order, each moved after the records it names; a circle is a problem of each record in it. */
function parentsFirst(pending: PendingRecord[]): PendingRecord[] {
  const byKey = new Map(pending.map((entry) => [`${entry.object}:${entry.record._key}`, entry]));
  const ordered: PendingRecord[] = [];
  const done = new Set<PendingRecord>();
  const visiting: PendingRecord[] = [];
  const visit = (entry: PendingRecord) => {
    if (done.has(entry)) return;
    const at = visiting.indexOf(entry);
    if (at !== -1) {
      const circle = visiting.slice(at);
      throw new ValidationError(
        circle.map((member) => ({ path: `${dataFile(member.object)}/${member.index}`, message: msg`names demo records that name it back: leave one reference of the circle out` })),
        msg`The pack's demo records name each other in a circle.`,
      );
    }
    visiting.push(entry);
    for (const reference of entry.references.values()) {
      const parent = byKey.get(`${reference.object}:${reference.key}`);
      if (parent) visit(parent);
    }
    visiting.pop();
    done.add(entry);
    ordered.push(entry);
  };
  for (const entry of pending) visit(entry);
  return ordered;
}
