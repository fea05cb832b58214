import type { ErrorDetail } from '../../errors/index.js';
import { resolveLabels } from '../labels.js';
import type { RoleDefinition } from '../../schemas/generated/role.js';
import type { ResolvedRole } from './resolved-security.js';
import { msg } from '../../i18n/message.js';

/**
 * The role hierarchy: every `reportsTo` must name a role, and following them must end at a top
 * role, never come round to where it started.
 */
export function resolveRoles(definitions: readonly RoleDefinition[], report: (name: string, problems: ErrorDetail[]) => void): Map<string, ResolvedRole> {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const chains = new Map<string, string[]>();
  for (const definition of definitions) {
    const chain = [definition.name];
    let current = definition;
    let problem: ErrorDetail | undefined;
    while (current.reportsTo !== undefined) {
      const above = byName.get(current.reportsTo);
      if (!above) {
        problem = { path: '/reportsTo', message: msg`there is no role named '${current.reportsTo}'` };
        break;
      }
      if (chain.includes(above.name)) {
        problem = { path: '/reportsTo', message: msg`the hierarchy would go round in a circle: ${[...chain, above.name].join(' → ')}` };
        break;
      }
      chain.push(above.name);
      current = above;
    }
    if (problem) report(definition.name, [problem]);
    else chains.set(definition.name, chain);
  }
  const below = new Map<string, Set<string>>([...chains.keys()].map((name) => [name, new Set<string>()]));
  for (const [name, chain] of chains) for (const above of chain.slice(1)) below.get(above)?.add(name);
  const roles = new Map<string, ResolvedRole>();
  for (const [name, chain] of chains) {
    const definition = byName.get(name)!;
    roles.set(name, {
      definition,
      name,
      label: resolveLabels(definition.label, name),
      reportsTo: definition.reportsTo ?? null,
      selfAndAbove: chain,
      below: below.get(name)!,
    });
  }
  return roles;
}
