import { isSealed, SecretUnreadableError, type TenantKeys } from '../../crypto/index.js';
import type { FieldEncryption } from '../../fields/index.js';
import type { Doc, Update } from '../../store/port.js';
import type { SealedPlace } from './sealed-places.js';
import { webhookActions } from '../../mail/webhook-actions.js';

type Values = Record<string, unknown>;

/** A field's value as stored: a string sealed in the field's mode; an empty value stays empty (isNull still answers). */
export function sealValue(keys: TenantKeys, value: unknown, encryption: FieldEncryption | undefined): unknown {
  if (encryption === undefined || typeof value !== 'string' || value === '') return value;
  return keys.seal(value, { purpose: 'record', mode: encryption });
}

/**
 * A stored value as the engine reads it. A value of an encrypted field must open (a failure is a
 * 500, logged). A sealed-looking string elsewhere opens when it is one (a field whose flag was just
 * turned off, a message, an aggregate's group) and is otherwise someone's text that starts with `enc:`.
 */
export function openValue(keys: TenantKeys, value: unknown, strict: boolean): unknown {
  if (!isSealed(value)) return value;
  try {
    return keys.open(value, 'record');
  } catch (error) {
    if (strict || !(error instanceof SecretUnreadableError)) throw error;
    return value;
  }
}

function sealEach(keys: TenantKeys, values: Values, fields: ReadonlyMap<string, FieldEncryption>): Values {
  let sealed: Values | undefined;
  for (const [name, encryption] of fields) {
    if (!Object.hasOwn(values, name)) continue;
    const value = sealValue(keys, values[name], encryption);
    if (value !== values[name]) (sealed ??= { ...values })[name] = value;
  }
  return sealed ?? values;
}

/** An old and new value of a history or audit entry; never looked up by value, so random mode whatever the field's. */
function sealChange(keys: TenantKeys, change: unknown): unknown {
  if (change === null || typeof change !== 'object') return change;
  const { old, new: next, ...rest } = change as Values;
  return { ...rest, ...(old === undefined ? {} : { old: sealValue(keys, old, 'random') }), ...(next === undefined ? {} : { new: sealValue(keys, next, 'random') }) };
}

/** The document as it is stored: the place's values sealed. Returns the same object when nothing needed sealing. */
export function sealDocument<T extends Doc>(keys: TenantKeys, place: SealedPlace, doc: T): T {
  switch (place.kind) {
    case 'records':
      return place.fields.size === 0 ? doc : (sealEach(keys, doc, place.fields) as T);
    case 'history': {
      const encrypted = typeof doc.field === 'string' && place.fields.has(doc.field);
      return encrypted ? ({ ...doc, ...(sealChange(keys, { old: doc.old, new: doc.new }) as Values) } as T) : doc;
    }
    case 'audit': {
      const fields = typeof doc.object === 'string' ? place.fieldsOf(doc.object) : undefined;
      const changes = doc.changes as Record<string, unknown> | undefined;
      if (!fields || !changes) return doc;
      const sealed: Values = { ...changes };
      for (const name of fields.keys()) if (Object.hasOwn(changes, name)) sealed[name] = sealChange(keys, changes[name]);
      return { ...doc, changes: sealed };
    }
    case 'message':
      return sealEach(keys, doc, new Map(place.paths.map((path) => [path, 'random' as const]))) as T;
    case 'definitions':
      return withWebhookUrls(doc, (url) => (isSealed(url) ? url : keys.seal(url, { purpose: 'secret' })));
    case 'json':
      return sealJson(keys, doc, place.paths) as T;
  }
}

/** The values at `paths` sealed whole, as JSON text. */
function sealJson(keys: TenantKeys, values: Values, paths: readonly string[]): Values {
  let sealed: Values | undefined;
  for (const path of paths) {
    if (values[path] === undefined || isSealed(values[path])) continue;
    (sealed ??= { ...values })[path] = keys.seal(JSON.stringify(values[path]), { purpose: 'record' });
  }
  return sealed ?? values;
}

/**
 * A copy of the document with the URL of each webhook action, and of each webhook definition, changed
 * by `change`; the document itself when there is none. Both may carry a receiver's token in their query.
 */
function withWebhookUrls<T>(doc: T, change: (url: string) => string): T {
  if ([...webhookActions(doc)].length === 0 && [...webhookDefinitions(doc)].length === 0) return doc;
  const copy = structuredClone(doc);
  for (const { webhook } of webhookActions(copy)) webhook.url = change(webhook.url);
  for (const definition of webhookDefinitions(copy)) definition.url = change(definition.url);
  return copy;
}

/**
 * The definitions of the webhook kind a stored document holds: a current definition, the two sides
 * of a history entry, or the items an installed pack shipped (each `{ kind: 'webhook', … }`).
 */
function* webhookDefinitions(doc: unknown): Generator<{ url: string }> {
  if (Array.isArray(doc)) {
    for (const item of doc) yield* webhookDefinitions(item);
    return;
  }
  if (doc === null || typeof doc !== 'object') return;
  const holder = doc as Record<string, unknown>;
  if (holder.kind === 'webhook') {
    for (const side of ['definition', 'before', 'after']) {
      const definition = holder[side] as { url?: unknown } | null | undefined;
      if (definition && typeof definition === 'object' && typeof definition.url === 'string') yield definition as { url: string };
    }
  }
  if (Array.isArray(holder.items)) yield* webhookDefinitions(holder.items);
}

/** An update as it is stored: `$set` values of sealed places sealed (records, messages and import rows are the ones updated). */
export function sealUpdate(keys: TenantKeys, place: SealedPlace, update: Update): Update {
  if (update.$set && place.kind === 'json') return { ...update, $set: sealJson(keys, update.$set, place.paths) };
  if (!update.$set || (place.kind !== 'records' && place.kind !== 'message')) return update;
  const fields = place.kind === 'records' ? place.fields : new Map(place.paths.map((path) => [path, 'random' as const]));
  const $set = sealEach(keys, update.$set, fields);
  return $set === update.$set ? update : { ...update, $set };
}

/** Opens every sealed string of a value, at any depth (aggregates' groups, history, audit changes), leniently. */
export function openDeep(keys: TenantKeys, value: unknown): unknown {
  if (typeof value === 'string') return openValue(keys, value, false);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const opened = openDeep(keys, item);
      if (opened !== item) (copy ??= [...value])[index] = opened;
    });
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    let copy: Values | undefined;
    for (const [key, item] of Object.entries(value)) {
      const opened = openDeep(keys, item);
      if (opened !== item) (copy ??= { ...(value as Values) })[key] = opened;
    }
    return copy ?? value;
  }
  return value;
}

/** The document as the engine reads it: sealed values opened (strictly for a record's encrypted fields). */
export function openDocument<T>(keys: TenantKeys, place: SealedPlace, doc: T): T {
  if (place.kind === 'definitions') return withWebhookUrls(doc, (url) => (isSealed(url) ? keys.open(url, 'secret') : url));
  if (place.kind === 'json') {
    let copy: Values | undefined;
    for (const path of place.paths) {
      const value = (doc as Values)[path];
      if (isSealed(value)) (copy ??= { ...(doc as Values) })[path] = JSON.parse(keys.open(value, 'record')) as unknown;
    }
    return (copy ?? doc) as T;
  }
  if (place.kind !== 'records') return openDeep(keys, doc) as T;
  // Every record read passes here, encrypted fields or not: a for-in allocates nothing for the many that hold no sealed value.
  let copy: Values | undefined;
  for (const name in doc as Values) {
    const value = (doc as Values)[name];
    if (!isSealed(value)) continue;
    (copy ??= { ...(doc as Values) })[name] = openValue(keys, value, place.fields.has(name));
  }
  return (copy ?? doc) as T;
}

