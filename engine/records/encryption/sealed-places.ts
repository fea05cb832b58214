import { AUDIT_COLLECTION } from '../../audit/audit-log.js';
import type { FieldEncryption } from '../../fields/index.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { EMAIL_OUTBOX } from '../../mail/outbox-email.js';
import { WEBHOOK_DELIVERIES, WEBHOOK_OUTBOX } from '../../mail/outbox-webhook.js';
import { IMPORT_ROWS } from '../import/import-doc.js';


/**
 * Where a collection's documents carry values that must not be stored in clear:
 *
 * - `records`: an object's records; each encrypted field's value;
 * - `history`: its field history; `old` and `new` of an entry about an encrypted field;
 * - `audit`: the audit log; `changes.<field>.old/new` of an encrypted field of the entry's object;
 * - `message`: the outboxes; the parts of a message that may quote a record's values (an e-mail's
 *   subject and bodies, a webhook's body, and its URL, whose query may hold a token; the body of
 *   a delivery of the webhook kind), always.
 *
 * - `definitions`: the metadata as stored, its history, approval processes' versions and installed
 *   packs; the URL of every webhook action (receivers take their tokens in it), sealed as a secret.
 *
 * - `json`: the rows of an import file waiting to be written (their cells, and the problems that
 *   quote them), sealed whole as JSON, whichever columns they hold.
 *
 * Every other collection holds no field value: the change feed names records and versions only,
 * jobs name records, the recycle bin is the record's own document, search reads the records.
 */
export type SealedPlace =
  | { kind: 'records'; fields: ReadonlyMap<string, FieldEncryption> }
  | { kind: 'history'; fields: ReadonlyMap<string, FieldEncryption> }
  | { kind: 'audit'; fieldsOf: (object: string) => ReadonlyMap<string, FieldEncryption> | undefined }
  | { kind: 'message'; paths: readonly string[] }
  | { kind: 'definitions' }
  | { kind: 'json'; paths: readonly string[] };

const IMPORT_ROW_PATHS = ['cells', 'problems'];

const MESSAGE_PATHS: Record<string, readonly string[]> = { [EMAIL_OUTBOX]: ['subject', 'text', 'html'], [WEBHOOK_OUTBOX]: ['body', 'url'], [WEBHOOK_DELIVERIES]: ['body'] };

const encryptedBySnapshot = new WeakMap<Snapshot, Map<string, ReadonlyMap<string, FieldEncryption>>>();

/** Each object's encrypted fields, worked out once per snapshot (objects without any left out). */
export function encryptedFields(snapshot: Snapshot): Map<string, ReadonlyMap<string, FieldEncryption>> {
  let byObject = encryptedBySnapshot.get(snapshot);
  if (!byObject) {
    byObject = new Map();
    for (const [name, object] of snapshot.objects) {
      const fields = new Map<string, FieldEncryption>();
      for (const field of object.object.fields) if (field.encryption) fields.set(field.name, field.encryption);
      if (fields.size > 0) byObject.set(name, fields);
    }
    encryptedBySnapshot.set(snapshot, byObject);
  }
  return byObject;
}

const NONE: ReadonlyMap<string, FieldEncryption> = new Map();

const placesBySnapshot = new WeakMap<Snapshot, Map<string, SealedPlace | null>>();

/**
 * What the collection's documents seal, or undefined for a collection that holds no field value;
 * worked out once per snapshot and collection (the engine asks at every collection it opens).
 * `definitionCollections`: where definitions are kept whole (the current ones, every former one,
 * approval processes' versions, what packs installed), named by the parts above that keep them.
 */
export function sealedPlace(snapshot: Snapshot | undefined, collection: string, definitionCollections: ReadonlySet<string>): SealedPlace | undefined {
  if (!snapshot) return placeOf(undefined, collection, definitionCollections);
  let places = placesBySnapshot.get(snapshot);
  if (!places) placesBySnapshot.set(snapshot, (places = new Map()));
  let place = places.get(collection);
  if (place === undefined) places.set(collection, (place = placeOf(snapshot, collection, definitionCollections) ?? null));
  return place ?? undefined;
}

function placeOf(snapshot: Snapshot | undefined, collection: string, definitionCollections: ReadonlySet<string>): SealedPlace | undefined {
  const message = MESSAGE_PATHS[collection];
  if (message) return { kind: 'message', paths: message };
  if (definitionCollections.has(collection)) return { kind: 'definitions' };
  if (collection === IMPORT_ROWS) return { kind: 'json', paths: IMPORT_ROW_PATHS };
  if (!snapshot) return undefined;
  const byObject = encryptedFields(snapshot);
  if (collection === AUDIT_COLLECTION) return { kind: 'audit', fieldsOf: (object) => byObject.get(object) };
  const dot = collection.indexOf('.');
  const prefix = collection.slice(0, dot);
  const object = collection.slice(dot + 1);
  // Records are looked at even without encrypted fields: values sealed before the flag was turned off open until the backfill wrote them back in clear.
  if (prefix === 'records' && snapshot.object(object)) return { kind: 'records', fields: byObject.get(object) ?? NONE };
  if (prefix === 'history' && snapshot.object(object)) return { kind: 'history', fields: byObject.get(object) ?? NONE };
  return undefined;
}
