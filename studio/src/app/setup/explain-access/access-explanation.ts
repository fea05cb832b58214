import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { UiLanguage } from '../../../shared/i18n/languages';

/** One reason a user reaches a record, as GET /records/:object/:id/access names it. */
export type AccessReason =
  | { readonly kind: 'owner' }
  | { readonly kind: 'roleHierarchy'; readonly role: string; readonly roleLabel: string; readonly ownerRole: string | null; readonly ownerRoleLabel: string | null }
  | { readonly kind: 'sharingRule'; readonly rule: string | null; readonly label: string | null; readonly access: 'read' | 'edit' }
  | { readonly kind: 'manualShare'; readonly to: string; readonly access: 'read' | 'edit'; readonly by: string; readonly byName: string | null }
  | { readonly kind: 'approver' }
  | { readonly kind: 'queue'; readonly queue: string; readonly label: string }
  | { readonly kind: 'master'; readonly object: string; readonly id: string | null; readonly name: string | null; readonly reasons: readonly AccessReason[] }
  | { readonly kind: 'objectRight'; readonly right: 'viewAll' | 'modifyAll'; readonly permissionSet: string; readonly label: string }
  | { readonly kind: 'systemRight'; readonly right: 'viewAllData' | 'modifyAllData'; readonly permissionSet: string; readonly label: string }
  | { readonly kind: 'admin'; readonly permissionSet: string }
  | { readonly kind: 'orgWideDefault'; readonly sharing: 'publicRead' | 'publicReadWrite' };

export interface AccessVerdict {
  readonly allowed: boolean;
  readonly reasons: readonly AccessReason[];
  readonly why?: string;
}

export interface AccessExplanation {
  readonly user: { readonly id: string; readonly name: string | null; readonly active: boolean; readonly role: string | null; readonly roleLabel: string | null };
  readonly record: { readonly object: string; readonly id: string; readonly name: string | null; readonly owner: string | null };
  readonly read: AccessVerdict;
  readonly edit: AccessVerdict;
  readonly fields: { readonly readable: readonly string[]; readonly editable: readonly string[]; readonly hidden: readonly string[] };
}

/** Why `user` can or cannot see the record; in the request's language, so the language is part of the key. */
export const accessQuery = (object: string, id: string, user: string, language: UiLanguage) =>
  queryOptions({
    queryKey: ['access', object, id, user, language],
    queryFn: () => api<AccessExplanation>(`/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}/access`, { query: { user } }),
    staleTime: 0,
  });

/** What a sentence links to: a setup page of a role, permission set or sharing rule, or a record. */
export interface SentenceLink {
  readonly text: string;
  /** Null when no page shows it: the name stays plain text. */
  readonly to: string | null;
}

/** One reason as a sentence: its message key under setup.explain.reasons, its values, what it links, the master's own reasons. */
export interface ReasonSentence {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
  readonly link?: SentenceLink;
  readonly reasons?: readonly ReasonSentence[];
}

/** What the sentences need from the page: names and labels it knows, and where setup shows a definition. */
export interface SentenceContext {
  readonly user: string;
  /** The plural label of an object in the page's language. */
  objectLabel(object: string): string;
  /** The name of a grantee key of a manual share (`u:`, `r:`, `rs:`, `g:`). */
  grantee(to: string): string;
  /** A setup page for a definition of this section (`roles`, `permission-sets`, `sharing-rules`), when one exists. */
  setupHref(section: SetupSection, name: string): string | null;
  /** The label of a sharing rule the server does not name. */
  readonly unnamedRule: string;
  /** A label of a role, permission set or sharing rule as the server wrote it, in the page's script. */
  definitionLabel(label: string): string;
}

export type SetupSection = 'roles' | 'permission-sets' | 'sharing-rules';

/** Every reason of a verdict as a sentence, a master's reasons under their master's. */
export function reasonSentences(reasons: readonly AccessReason[], object: string, context: SentenceContext): ReasonSentence[] {
  const user = context.user;
  const objects = context.objectLabel(object);
  return reasons.map((reason): ReasonSentence => {
    switch (reason.kind) {
      case 'owner':
        return { key: 'owner', values: { user } };
      case 'approver':
        return { key: 'approver', values: { user } };
      case 'queue':
        return { key: 'queue', values: { user, queue: context.definitionLabel(reason.label) } };
      case 'roleHierarchy':
        return {
          key: reason.ownerRole === null ? 'roleHierarchyUnknown' : 'roleHierarchy',
          values: { user, ownerRole: context.definitionLabel(reason.ownerRoleLabel ?? reason.ownerRole ?? '') },
          link: { text: context.definitionLabel(reason.roleLabel), to: context.setupHref('roles', reason.role) },
        };
      case 'sharingRule':
        return {
          key: reason.access === 'edit' ? 'sharingRuleEdit' : 'sharingRule',
          values: { user },
          link: { text: reason.label === null ? context.unnamedRule : context.definitionLabel(reason.label), to: reason.rule === null ? null : context.setupHref('sharing-rules', reason.rule) },
        };
      case 'manualShare':
        return { key: reason.access === 'edit' ? 'manualShareEdit' : 'manualShare', values: { user, by: reason.byName ?? reason.by, grantee: context.grantee(reason.to) } };
      case 'master':
        return {
          key: 'master',
          values: { user },
          link: { text: reason.name ?? reason.id ?? context.objectLabel(reason.object), to: reason.id === null ? null : `/o/${encodeURIComponent(reason.object)}/${encodeURIComponent(reason.id)}` },
          reasons: reasonSentences(reason.reasons, reason.object, context),
        };
      case 'objectRight':
        return { key: reason.right, values: { user, objects }, link: { text: context.definitionLabel(reason.label), to: context.setupHref('permission-sets', reason.permissionSet) } };
      case 'systemRight':
        return { key: reason.right, values: { user }, link: { text: context.definitionLabel(reason.label), to: context.setupHref('permission-sets', reason.permissionSet) } };
      case 'admin':
        return { key: 'admin', values: { user }, link: { text: reason.permissionSet, to: context.setupHref('permission-sets', reason.permissionSet) } };
      case 'orgWideDefault':
        return { key: reason.sharing, values: { user, objects } };
      default:
        return assertNever(reason);
    }
  });
}

/**
 * The setup page that shows a definition: its own page (`roles/:name`) when the setup has one,
 * else the section's list, else none. `paths` are the setup's route paths, relative to /setup.
 */
export function setupHref(paths: readonly string[], section: SetupSection, name: string): string | null {
  if (paths.some((path) => new RegExp(`^${section}/:[a-zA-Z]+$`).test(path))) return `/setup/${section}/${encodeURIComponent(name)}`;
  return paths.includes(section) ? `/setup/${section}` : null;
}

/** Whether editing is allowed on exactly the grounds reading is: the page then says so once. */
export function sameReasons(read: AccessVerdict, edit: AccessVerdict): boolean {
  return read.allowed && edit.allowed && read.reasons.length > 0 && JSON.stringify(read.reasons) === JSON.stringify(edit.reasons);
}

/** The object's fields the user cannot read, and those they read but cannot edit, in the object's order. */
export function fieldRights(fields: AccessExplanation['fields'], order: readonly string[]): { hidden: string[]; readOnly: string[] } {
  const editable = new Set(fields.editable);
  const position = (name: string) => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  const sorted = (names: readonly string[]) => [...names].sort((a, b) => position(a) - position(b) || a.localeCompare(b));
  return { hidden: sorted(fields.hidden), readOnly: sorted(fields.readable.filter((name) => !editable.has(name))) };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected access reason: ${JSON.stringify(value)}`);
}
