import { createHash } from 'node:crypto';
import { EngineError, ValidationError } from '../errors/index.js';
import { msg, type Message } from '../i18n/message.js';
import { kindIn, type KindName } from './pack-kinds/index.js';
import type { Snapshot } from './snapshot.js';
import { storedDefinition } from './stored-definition.js';
import { canonicalJson } from '../store/json-document.js';

/** One item a metadata change may be conditional on: a definition, or one field of an object. */
export interface MetadataItem {
  readonly kind: KindName;
  readonly name: string;
  readonly field?: string;
}

/** The If-Match of a metadata change: the tag the editor read, and the item it names. */
export interface MetadataPrecondition {
  readonly item: MetadataItem;
  /** A tag from an ETag, or `*` (the item must exist). */
  readonly etag: string;
}

const tags = new WeakMap<object, string>();

/**
 * A definition's entity tag: a digest of it as stored, so that every change to it, by anyone,
 * gives another tag, and an unchanged one keeps its tag across versions of the metadata (a field
 * keeps its tag while another field of its object changes). Definitions are immutable once in a
 * snapshot, so a tag is computed once per definition.
 */
export function definitionEtag(definition: object): string {
  let tag = tags.get(definition);
  if (!tag) {
    tag = `"${createHash('sha256').update(canonicalJson(definition)).digest('base64url').slice(0, 22)}"`;
    tags.set(definition, tag);
  }
  return tag;
}

/** The item as the snapshot holds it; undefined when it does not exist there. */
export function metadataItemIn(snapshot: Snapshot, item: MetadataItem): object | undefined {
  const definition = storedDefinition(snapshot, item.kind, item.name);
  if (item.field === undefined || !definition) return definition;
  return (definition as { fields?: { name: string }[] }).fields?.find((field) => field.name === item.field);
}

/** The tag of an item in a snapshot, for the ETag of a read. */
export function itemEtag(snapshot: Snapshot, item: MetadataItem): string | undefined {
  const found = metadataItemIn(snapshot, item);
  return found ? definitionEtag(found) : undefined;
}

/**
 * Parses If-Match for a metadata change: one tag as an ETag gave it (quoted; a weak `W/` prefix is
 * accepted, the comparison is the tag's), or `*`. Absent: the change applies to whatever is current.
 */
export function parseMetadataIfMatch(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = header.trim().replace(/^W\//, '');
  if (value === '*') return value;
  if (!/^"[A-Za-z0-9_-]{1,64}"$/.test(value)) {
    throw new ValidationError([{ path: '/headers/if-match', message: msg`must be the ETag the definition was read with, like "Xy3…", got '${header}'` }]);
  }
  return value;
}

/** 412: the item changed (or went) since the editor read it; its change would overwrite another's. */
export class DefinitionChangedError extends EngineError {
  constructor(what: Message, gone: boolean) {
    super(
      'definition_changed',
      412,
      gone
        ? msg`The ${what} was deleted by someone else since you opened it; nothing was saved.`
        : msg`The ${what} was changed by someone else since you opened it; nothing was saved. Reload it and apply your change again.`,
    );
  }
}

/** Refuses a change whose If-Match no longer names the item as it stands in `current`. */
export function checkPrecondition(precondition: MetadataPrecondition, current: Snapshot): void {
  const { item, etag } = precondition;
  const found = metadataItemIn(current, item);
  const noun = kindIn(current, item.kind)?.noun ?? item.kind;
  const what = item.field === undefined ? msg`${noun} '${item.name}'` : msg`field '${item.field}' of ${noun} '${item.name}'`;
  if (!found) throw new DefinitionChangedError(what, true);
  if (etag !== '*' && definitionEtag(found) !== etag) throw new DefinitionChangedError(what, false);
}
