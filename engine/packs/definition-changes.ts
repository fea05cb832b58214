import { sameDocument } from '../store/json-document.js';
import { isPlainObject } from '../store/plain-object.js';
import { pointerToken } from './json-pointer.js';
import { isNamedList } from './named-structure.js';

/** One part of a definition that differs between two versions of it. */
export interface DefinitionChange {
  /** A JSON pointer, items of named lists by name, as a merge's conflicts are (`/fields/priority/label/en`). */
  readonly path: string;
  /** undefined: the part is added. */
  readonly before: unknown;
  /** undefined: the part is removed. */
  readonly after: unknown;
}

/**
 * What differs between two versions of a definition, part by part, addressed as the three-way
 * merge addresses them: a changed label is one change at its path, a field added is one change
 * at `/fields/<name>`, whatever the field's position.
 */
export function definitionChanges(before: unknown, after: unknown, path = ''): DefinitionChange[] {
  if (sameDocument(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) => definitionChanges(before[key], after[key], `${path}/${pointerToken(key)}`));
  }
  if (isNamedList(before) && isNamedList(after)) {
    const [was, is] = [new Map(before.map((item) => [item.name, item])), new Map(after.map((item) => [item.name, item]))];
    return [...new Set([...was.keys(), ...is.keys()])].flatMap((name) => definitionChanges(was.get(name), is.get(name), `${path}/${pointerToken(name)}`));
  }
  return [{ path, before, after }];
}
