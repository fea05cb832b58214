import type { ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/** Where an API name is used: as an object's name or as a field's. */
export type ApiNameUse = 'object' | 'field';

interface Clash {
  readonly uses: readonly ApiNameUse[];
  /** Why the name cannot be used, for the admin: what already gives it a meaning. */
  readonly reason: string;
}

const FILTER_GROUP = msg`the filter language reads {"and": [...]} and {"or": [...]} as groups of conditions, so a field of this name could not be filtered by`;
const EXPRESSION_LITERAL = msg`formulas, rules and defaults read it as the literal true, false or null, so the field could not be used in an expression`;

/**
 * The names that really clash with something, and with what. Everything else is free: records live
 * in collections of their own (`records.<object>`), system fields start with an underscore, query
 * parameters (`sort`, `filter`, `limit` ...) are not field names, and no route takes an object name
 * where a fixed word stands. `order`, `group`, `select`, `id` or `version` are ordinary names.
 * The table has no prototype, so that looking up a name finds only what is listed.
 */
const CLASHES: Readonly<Record<string, Clash>> = Object.assign(Object.create(null) as Record<string, Clash>, {
  and: { uses: ['field'], reason: FILTER_GROUP },
  or: { uses: ['field'], reason: FILTER_GROUP },
  true: { uses: ['field'], reason: EXPRESSION_LITERAL },
  false: { uses: ['field'], reason: EXPRESSION_LITERAL },
  null: { uses: ['field'], reason: EXPRESSION_LITERAL },
  owner: { uses: ['field'], reason: msg`\`expand=owner\` already means the record's owner (the system field _owner), which a field of this name would hide` },
  constructor: {
    uses: ['object', 'field'],
    reason: msg`every JavaScript object has a member of this name, so definitions and records keyed by it (permission sets, layouts, values) would find that member instead of yours`,
  },
});

export const API_NAME_RULE =
  msg`must start with a lower-case letter and contain only lower-case letters, digits and single underscores, not ending with an underscore (at most 40 characters)`;

/** The problem with `name` as an object's or a field's API name, or undefined when it is free. */
export function reservedNameProblem(name: string, path: string, use: ApiNameUse): ErrorDetail | undefined {
  const clash = CLASHES[name.toLowerCase()];
  if (!clash || !clash.uses.includes(use)) return undefined;
  return { path, message: use === 'object'
        ? msg`'${name}' cannot be an object name: ${clash.reason}; choose another, e.g. '${name}_record'`
        : msg`'${name}' cannot be a field name: ${clash.reason}; choose another, e.g. '${name}_value'` };
}
