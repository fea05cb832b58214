import { ValidationError } from '../errors/index.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * What a tenant may be called: it names a directory of the embedded store and a MongoDB database,
 * so only lower-case letters, digits, - and _; it starts with a letter, so names beginning with
 * `_` stay free for the platform's own stores.
 */
export const TENANT_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

export function isTenantName(name: unknown): name is string {
  return typeof name === 'string' && TENANT_NAME.test(name);
}

/** What is wrong with a would-be tenant name, as an error detail's message; undefined when nothing is. */
export function tenantNameProblem(name: unknown): Message | undefined {
  if (isTenantName(name)) return undefined;
  return typeof name === 'string' && name !== ''
    ? msg`must start with a lower-case letter, followed by lower-case letters, digits, - and _ (at most 40 characters)`
    : msg`is required: the name of a tenant`;
}

/** The name itself, or a 400 at `path` saying the rule. */
export function checkTenantName(name: unknown, path: string): string {
  const problem = tenantNameProblem(name);
  if (problem !== undefined) throw new ValidationError([{ path, message: problem }]);
  return name as string;
}
