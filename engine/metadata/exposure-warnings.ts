import type { CompiledExpression } from '../formula/index.js';
import type { CompiledObject } from './compiled-object.js';
import type { ResolvedPermissionSet } from './security/resolved-security.js';
import type { Snapshot } from './snapshot.js';

/**
 * A saved change that is allowed but deserves a second look: here, an expression that reads a field
 * some permission set hides from users who still see what the expression produces (a formula
 * `margin / amount` shown to reps who may not read `margin` tells them the margin).
 */
export interface MetadataWarning {
  /** The object whose expression it is. */
  object: string;
  /** Where the expression is in the object's definition: `/fields/3/expression`, `/validationRules/0/condition`. */
  path: string;
  /** The field read: `margin`, or `account.rating` through a lookup. */
  field: string;
  /** The permission sets whose users see the expression's result but may not read the field. */
  hiddenBy: string[];
  message: string;
}

interface Expression {
  path: string;
  expression: CompiledExpression;
  what: 'formula' | 'default' | 'validation rule';
  /** The field the expression fills (formula, default); a rule's result is its refusal, seen by whoever edits. */
  output: string | null;
}

/**
 * The warnings `after` has that `before` had not: what the change just made introduced, whether it
 * added an expression or made a permission set hide a field an expression reads.
 */
export function newExposureWarnings(before: Snapshot, after: Snapshot): MetadataWarning[] {
  const known = new Set(exposureWarnings(before).map(warningKey));
  return exposureWarnings(after).filter((warning) => !known.has(warningKey(warning)));
}

/** Every expression of the tenant that reads a field hidden from users who see its result. */
export function exposureWarnings(snapshot: Snapshot): MetadataWarning[] {
  // View all data reads every field: such sets hide nothing.
  const sets = [...snapshot.security.permissionSets.values()].filter((set) => !set.system.viewAllData && !set.system.modifyAllData);
  const warnings: MetadataWarning[] = [];
  for (const object of snapshot.objects.values()) {
    for (const { path, expression, what, output } of expressionsOf(object)) {
      const reads = [
        ...expression.references.fields.filter((name) => !name.startsWith('_')).map((name) => ({ object: object.name, field: baseField(name), shown: name })),
        ...expression.references.parents.flatMap((parent) => {
          const lookup = object.field(parent.lookup);
          const target = lookup && (lookup.type === 'lookup' || lookup.type === 'masterdetail') ? lookup.target : undefined;
          return target && !parent.field.startsWith('_') ? [{ object: target, field: baseField(parent.field), shown: `${parent.lookup}.${parent.field}` }] : [];
        }),
      ];
      for (const read of reads) {
        const hiddenBy = sets
          .filter((set) => (output === null ? set.objects.get(object.name)?.read === true : setReads(set, object.name, output)) && !setReads(set, read.object, read.field))
          .map((set) => set.name)
          .sort();
        if (hiddenBy.length > 0) warnings.push({ object: object.name, path, field: read.shown, hiddenBy, message: exposureMessage(what, read.shown, hiddenBy) });
      }
    }
  }
  return warnings;
}

/** Whether a set alone lets its users read a field: the object's read right, and the field not named unreadable. */
function setReads(set: ResolvedPermissionSet, object: string, field: string): boolean {
  if (set.objects.get(object)?.read !== true) return false;
  return set.fields.get(object)?.get(field)?.read ?? true;
}

function expressionsOf(compiled: CompiledObject): Expression[] {
  const fieldIndex = (name: string) => (compiled.definition.fields ?? []).findIndex((field) => field.name === name);
  const ruleIndex = (name: string) => (compiled.definition.validationRules ?? []).findIndex((rule) => rule.name === name);
  return [
    ...compiled.logic.formulas.map(({ field, expression }) => ({ path: `/fields/${fieldIndex(field.name)}/expression`, expression, what: 'formula' as const, output: field.name })),
    ...compiled.logic.defaults.map(({ field, expression }) => ({ path: `/fields/${fieldIndex(field.name)}/defaultExpression`, expression, what: 'default' as const, output: field.name })),
    ...compiled.logic.rules.map(({ name, expression }) => ({ path: `/validationRules/${ruleIndex(name)}/condition`, expression, what: 'validation rule' as const, output: null })),
  ];
}

/** A converted amount (`amount__corporate`) is hidden with its amount. */
function baseField(name: string): string {
  return name.endsWith('__corporate') ? name.slice(0, -'__corporate'.length) : name;
}

function exposureMessage(what: Expression['what'], field: string, hiddenBy: readonly string[]): string {
  const sets = hiddenBy.map((name) => `'${name}'`).join(', ');
  return `This ${what} reads ${field}, which the permission set${hiddenBy.length === 1 ? '' : 's'} ${sets} hide${hiddenBy.length === 1 ? 's' : ''} from users who still see the ${what}'s result: what it shows can reveal ${field}. Hide the result from them too, or let them read ${field}.`;
}

function warningKey(warning: MetadataWarning): string {
  return JSON.stringify([warning.object, warning.path, warning.field, warning.hiddenBy]);
}
