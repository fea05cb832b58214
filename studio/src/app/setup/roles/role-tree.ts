import type { LocalizedText } from '../../../shared/i18n/localize';

/** A role as /meta/roles answers it (role.schema.json). */
export interface RoleDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly reportsTo?: string;
}

/** One node of the hierarchy as antd's Tree draws it. */
export interface RoleTreeNode {
  readonly key: string;
  readonly title: string;
  readonly children: RoleTreeNode[];
}

/**
 * The hierarchy as a forest: a role at the top (or naming a role that does not exist) is a root,
 * siblings in the order of their titles. Roles have no order among siblings, so a drop between
 * two of them only says who the parent is.
 */
export function buildRoleTree(roles: readonly RoleDefinition[], titleOf: (role: RoleDefinition) => string, collator: Intl.Collator): RoleTreeNode[] {
  const names = new Set(roles.map((role) => role.name));
  const children = new Map<string | undefined, RoleDefinition[]>();
  for (const role of roles) {
    const parent = role.reportsTo !== undefined && names.has(role.reportsTo) && role.reportsTo !== role.name ? role.reportsTo : undefined;
    children.set(parent, [...(children.get(parent) ?? []), role]);
  }
  const seen = new Set<string>();
  const build = (parent: string | undefined): RoleTreeNode[] =>
    (children.get(parent) ?? [])
      .map((role) => ({ role, title: titleOf(role) }))
      .sort((a, b) => collator.compare(a.title, b.title))
      // The engine refuses cycles; the guard keeps a hand-edited store from looping the page.
      .filter(({ role }) => !seen.has(role.name) && seen.add(role.name))
      .map(({ role, title }) => ({ key: role.name, title, children: build(role.name) }));
  return build(undefined);
}

/** The roles below one, at any depth. */
export function subordinatesOf(roles: readonly RoleDefinition[], name: string): Set<string> {
  const below = new Set<string>();
  let frontier = [name];
  while (frontier.length > 0) {
    const next = roles.filter((role) => role.reportsTo !== undefined && frontier.includes(role.reportsTo) && !below.has(role.name) && role.name !== name);
    next.forEach((role) => below.add(role.name));
    frontier = next.map((role) => role.name);
  }
  return below;
}

/** The roles a role may report to: any but itself and those below it (which would make a cycle). */
export function possibleParents(roles: readonly RoleDefinition[], name: string | undefined): RoleDefinition[] {
  if (name === undefined) return [...roles];
  const below = subordinatesOf(roles, name);
  return roles.filter((role) => role.name !== name && !below.has(role.name));
}

/** Where a dragged role lands: on a role (under it) or between roles (beside it, under the same parent). */
export type DropPlacement = 'onto' | 'beside';

/** What a drop asks for: a new parent (undefined: the top), nothing, or a cycle the engine would refuse. */
export type DropOutcome = { readonly kind: 'move'; readonly reportsTo: string | undefined } | { readonly kind: 'unchanged' } | { readonly kind: 'cycle' };

/** The change a drop of `dragged` onto or beside `target` makes to the hierarchy. */
export function dropOutcome(roles: readonly RoleDefinition[], dragged: string, target: string, placement: DropPlacement): DropOutcome {
  const targetRole = roles.find((role) => role.name === target);
  const draggedRole = roles.find((role) => role.name === dragged);
  if (!targetRole || !draggedRole) return { kind: 'unchanged' };
  const reportsTo = placement === 'onto' ? target : targetRole.reportsTo;
  if (reportsTo === dragged || (reportsTo !== undefined && subordinatesOf(roles, dragged).has(reportsTo))) return { kind: 'cycle' };
  if (reportsTo === draggedRole.reportsTo) return { kind: 'unchanged' };
  return { kind: 'move', reportsTo };
}

/** The role with a new parent, as PUT /meta/roles/{name} wants the whole definition. */
export function withParent(role: RoleDefinition, reportsTo: string | undefined): RoleDefinition {
  const { reportsTo: _previous, ...rest } = role;
  return reportsTo === undefined ? rest : { ...rest, reportsTo };
}
