import { ForbiddenError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { fieldTypeOf, SYSTEM_FIELDS } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { derivedFrom } from '../metadata/query/derived-fields.js';
import { inSentence, msg, type Message, type Text } from '../i18n/message.js';

/**
 * The system fields a read returns with every record. A client may send them back as read
 * (a GET body PATCHed or POSTed again); the platform alone sets them.
 */
const RETURNED_SYSTEM_FIELDS: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

/** Where a read embeds the parents asked for with `expand`: never stored, so nothing to write. */
export const EXPANDED = '_expanded';

/** Why a value sent back cannot be written: the platform sets it (400), or the user may not edit it (403). */
export type ReadOnlyKind = 'system' | 'computed' | 'forbidden';

/** A value the client may not write, sent back: ignored where it equals the stored one, else refused. */
export interface ReadOnlyValue {
  readonly name: string;
  readonly value: unknown;
  readonly kind: ReadOnlyKind;
  /** The refusal, when the value turns out to differ from the record's. */
  readonly problem: ErrorDetail;
}

export interface WritableInput {
  /** Values to set, nulls removed. */
  values: Record<string, unknown>;
  /** Fields the client cleared with null (only meaningful for updates). */
  cleared: string[];
  /** Read-only values that a read returns, sent back: checkReadOnlyValues decides on them. */
  readOnly: ReadOnlyValue[];
}

/**
 * Splits a request body into values and clearances. What a client may never write is refused at
 * once: anything but a JSON object, internal fields, and fields the user may not read (400 for
 * system and computed, 403 for the rest, naming them). System fields, computed fields (formulas,
 * roll-ups, auto-numbers, converted amounts) and fields the user may read but not edit are what a
 * read returns: they are set aside for checkReadOnlyValues, which ignores them where they equal
 * the record's (the body of a GET sent back) and refuses them otherwise, with the same messages.
 * Unknown fields are left for schema validation.
 */
export function writableInput(object: CompiledObject, body: unknown, editable?: ReadonlySet<string>, hidden?: ReadonlySet<string>): WritableInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '', message: msg`must be a JSON object with the fields of ${object.name}` }]);
  }
  const problems: ErrorDetail[] = [];
  const refused: ErrorDetail[] = [];
  const values: Record<string, unknown> = {};
  const cleared: string[] = [];
  const readOnly: ReadOnlyValue[] = [];
  for (const [name, value] of Object.entries(body)) {
    const field = object.field(name);
    const derived = field ? undefined : derivedFrom(object, name);
    // A field the user cannot read was never returned to them: sending it is an attempt to write it.
    const readable = !hidden?.has(name);
    const path = `/${name}`;
    if (field && editable && !editable.has(name) && fieldTypeOf(field).writable) {
      const problem = { path, message: NOT_EDITABLE };
      if (readable) readOnly.push({ name, value, kind: 'forbidden', problem });
      else refused.push(problem);
    } else if (name === '__proto__') {
      // Assigning it would set the prototype of `values` instead of a field, and the name would pass unseen.
      problems.push({ path, message: msg`is not a field of ${object.name}` });
    } else if (name.startsWith('_')) {
      const problem = { path, message: SYSTEM_FIELD };
      if (RETURNED_SYSTEM_FIELDS.has(name) || name === EXPANDED) readOnly.push({ name, value, kind: 'system', problem });
      else problems.push(problem);
    } else if ((field && !fieldTypeOf(field).writable) || derived) {
      const problem = { path, message: field ? computedField(field.type) : computedField(msg`converted from ${derived!.name}`) };
      if (readable) readOnly.push({ name, value, kind: 'computed', problem });
      else problems.push(problem);
    } else if (value === null) {
      cleared.push(name);
    } else {
      values[name] = value;
    }
  }
  throwRefusals(object, problems, refused);
  return { values, cleared, readOnly };
}

const NOT_EDITABLE = msg`is a field you may not edit`;
const SYSTEM_FIELD = msg`is a system field: the platform sets it, a client cannot`;

function computedField(what: Text): Message {
  return msg`is computed by the platform (${what}) and cannot be set`;
}

/** Refuses what cannot be written: 400 for system and computed fields first, then 403 naming the fields the user may not edit. */
export function throwRefusals(object: CompiledObject, problems: readonly ErrorDetail[], refused: readonly ErrorDetail[]): void {
  if (problems.length > 0) throw new ValidationError([...problems]);
  if (refused.length > 0) {
    throw new ForbiddenError(msg`You may not edit ${refused.map((detail) => `'${detail.path.slice(1)}'`).join(', ')} of ${inSentence(object.object.pluralLabel)}.`, [...refused]);
  }
}
