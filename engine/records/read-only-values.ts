import type { CompiledObject } from '../metadata/compiled-object.js';
import { sameDocument } from '../store/json-document.js';
import type { Doc } from '../store/port.js';
import { expandableReferences } from './expand.js';
import { EXPANDED, throwRefusals, type ReadOnlyValue } from './writable-input.js';
import type { ErrorDetail } from '../errors/index.js';

/**
 * Decides on the read-only values a client sent back (writable-input.ts): one equal to the
 * record's, as a read returned it, is ignored; one that differs is refused as before (400 for
 * system and computed fields, 403 for fields the user may not edit, each named). `record` is the
 * record being changed (PATCH) or the one being copied (POST with its `_id`); with none, every
 * read-only value is refused. `_expanded` holds other records, never written with this one: it is
 * ignored when it holds only relations `expand` can embed.
 */
export function checkReadOnlyValues(object: CompiledObject, sent: readonly ReadOnlyValue[], record: Doc | null): void {
  const problems: ErrorDetail[] = [];
  const refused: ErrorDetail[] = [];
  for (const value of sent) {
    if (record && unchanged(object, value, record)) continue;
    (value.kind === 'forbidden' ? refused : problems).push(value.problem);
  }
  throwRefusals(object, problems, refused);
}

function unchanged(object: CompiledObject, sent: ReadOnlyValue, record: Doc): boolean {
  if (sent.name === EXPANDED) return isExpansion(object, sent.value);
  // An absent value reads as missing; a client may send it back as null.
  return sameDocument(sent.value ?? null, record[sent.name] ?? null);
}

function isExpansion(object: CompiledObject, value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const names = new Set(expandableReferences(object).map((reference) => reference.name));
  return Object.keys(value).every((name) => names.has(name));
}
