import type { ErrorDetail } from '../errors/index.js';
import { BUILTIN_FUNCTIONS } from './builtin-functions.js';
import { closestName } from './closest-name.js';
import { SYSTEM_FIELD_NAMES, type ExpressionScope, type ParentScope } from './expression-scope.js';
import type { ExpressionUses, NameUse } from './expression-uses.js';
import { msg, type Message, type Text } from '../i18n/message.js';

/** A problem with an expression; `position` lets an editor underline it (jsonata's offset after the token). */
export interface ExpressionProblem extends ErrorDetail {
  position?: number;
}

/** What an expression reads, for recomputing formulas and roll-ups when those values change. */
export interface ExpressionReferences {
  /** Fields of the record, system fields included, sorted. */
  readonly fields: readonly string[];
  /** Fields of parents, by the lookup that reaches them, sorted. */
  readonly parents: readonly { readonly lookup: string; readonly field: string }[];
}

export interface CheckedUses {
  problems: ExpressionProblem[];
  references: ExpressionReferences;
}

/**
 * Checks what an expression reads against its scope. Each unknown name is reported once, at its
 * first use, with the nearest known name as a hint. Reads the walk cannot follow name by name
 * (`*`, `$$`, a predicate on a lookup) count as reading every field they could reach, so that
 * the references err towards recomputing too often, never too rarely. A variable the expression
 * binds anywhere counts as known everywhere in it: lexical scope is not tracked, since a use
 * before its binding reads nothing at run time rather than failing.
 */
export function checkUses(uses: ExpressionUses, scope: ExpressionScope, at: string): CheckedUses {
  const problems = new Map<string, ExpressionProblem>();
  const report = (key: string, position: number, message: Text): void => {
    if (!problems.has(key)) problems.set(key, { path: at, message, position });
  };
  const fields = new Set<string>();
  const parents = new Map<string, { lookup: string; field: string }>();
  const readParent = (lookup: string, field: string): void => {
    parents.set(`${lookup}.${field}`, { lookup, field });
  };
  const readWholeParent = (lookup: string, parent: ParentScope): void => {
    for (const field of [...parent.fields, ...SYSTEM_FIELD_NAMES]) readParent(lookup, field);
  };

  for (const path of uses.paths) {
    const { name, position } = path.field;
    if (!scope.fields.has(name) && !SYSTEM_FIELD_NAMES.has(name)) {
      report(`field:${name}`, position, unknown(name, scope.object, [...scope.fields, ...SYSTEM_FIELD_NAMES]));
      continue;
    }
    fields.add(name);
    const parent = scope.parents.get(name);
    if (!parent) continue;
    if (path.opaque) {
      readWholeParent(name, parent);
    } else if (path.next) {
      const field = path.next.name;
      if (parent.fields.has(field) || SYSTEM_FIELD_NAMES.has(field)) readParent(name, field);
      else report(`parent:${name}.${field}`, path.next.position, unknownParentField(field, name, parent));
    }
  }

  if (uses.wholeRecord || uses.everything) {
    for (const field of [...scope.fields, ...SYSTEM_FIELD_NAMES]) fields.add(field);
  }
  if (uses.everything) {
    for (const [lookup, parent] of scope.parents) readWholeParent(lookup, parent);
  }

  const declared = new Set([...scope.variables].map((name) => name.replace(/^\$/, '')));
  for (const use of uses.variables) {
    if (uses.bound.has(use.name) || declared.has(use.name) || BUILTIN_FUNCTIONS.has(use.name)) continue;
    report(`variable:${use.name}`, use.position, unknownVariable(use, [...declared, ...uses.bound, ...BUILTIN_FUNCTIONS]));
  }

  return {
    problems: [...problems.values()].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)),
    references: {
      fields: [...fields].sort(),
      parents: [...parents.values()].sort((a, b) => byText(a.lookup, b.lookup) || byText(a.field, b.field)),
    },
  };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unknown(name: string, object: string, candidates: Iterable<string>): Message {
  return msg`'${name}' is not a field of ${object}${hint(closestName(name, candidates))}`;
}

function unknownParentField(field: string, lookup: string, parent: ParentScope): Message {
  // The lookup is named when it differs from its target, or "not a field of account" would puzzle
  // an admin who wrote `company.industri`.
  const through = lookup === parent.object ? '' : msg` (the object '${lookup}' looks up)`;
  const candidates = [...parent.fields, ...SYSTEM_FIELD_NAMES];
  return msg`'${field}' is not a field of ${parent.object}${through}${hint(closestName(field, candidates))}`;
}

function unknownVariable(use: NameUse, candidates: Iterable<string>): Message {
  const suggestion = closestName(use.name, candidates);
  return msg`'$${use.name}' is not a variable or function available here${hint(suggestion === undefined ? undefined : `$${suggestion}`)}`;
}

function hint(suggestion: string | undefined): Text {
  return suggestion === undefined ? '' : msg`; did you mean '${suggestion}'?`;
}
