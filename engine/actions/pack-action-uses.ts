import type { ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { keyedParts } from '../metadata/actions/keyed-parts.js';
import { readableErrors } from '../metadata/readable-errors.js';
import type { ActionCatalogue } from './action-catalogue.js';

/** A pack action as a definition names it. */
export interface PackActionUse {
  readonly pack: string;
  readonly action: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Every pack action of a definition (an approval process, an automation rule) with its JSON pointer, wherever it stands. */
export function* packActionUses(definition: unknown): Generator<{ path: string; use: PackActionUse }> {
  for (const { path, part } of keyedParts(definition, 'packAction', isUse)) yield { path, use: part };
}

function isUse(value: unknown): value is PackActionUse {
  return value !== null && typeof value === 'object' && typeof (value as PackActionUse).pack === 'string' && typeof (value as PackActionUse).action === 'string';
}

/**
 * What is wrong with the pack actions a definition names, against the actions the tenant offers:
 * a pack without code there, an action the pack does not have, params its schema refuses. Each
 * problem has its path in the definition and says what to do.
 */
export function packActionProblems(definition: unknown, catalogue: ActionCatalogue): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const { path, use } of packActionUses(definition)) problems.push(...useProblems(path, use, catalogue));
  return problems;
}

/** The problems of one use of a pack action, at its path (`…/packAction`). */
export function useProblems(path: string, use: PackActionUse, catalogue: ActionCatalogue): ErrorDetail[] {
  const actions = catalogue.actionsOf(use.pack);
  if (!actions) {
    return [{ path: `${path}/pack`, message: msg`pack '${use.pack}' is not installed in this tenant (or brings no actions): install it, or choose another action` }];
  }
  const offered = actions.get(use.action);
  if (!offered) {
    return [{ path: `${path}/action`, message: msg`pack '${use.pack}' has no action named '${use.action}'; its actions are: ${[...actions.keys()].join(', ')}` }];
  }
  const params = use.params ?? {};
  if (offered.validate(params)) return [];
  const errors = 'errors' in offered.validate ? (offered.validate.errors ?? []) : [];
  const details = readableErrors(errors, { unknownProperty: msg`is not a parameter of this action` });
  if (details.length === 0) return [{ path: `${path}/params`, message: msg`must be an object of the action's parameters` }];
  return details.map((detail) => ({ path: `${path}/params${detail.path}`, message: detail.message }));
}
