import { localize, type Language } from '../../i18n/language.js';
import { visibleSnapshot } from '../../security/access/visible-metadata.js';
import type { OperationContext } from '../../context/index.js';
import { resolveLabels } from '../../metadata/labels.js';
import type { AppTab } from '../../schemas/generated/app.js';
import type { Icon } from '../../schemas/generated/common.js';
import { shownTo } from '../shown-to.js';
import type { Snapshot } from '../../metadata/snapshot.js';

/** A tab as the web app shows it: its target, and its label in the reader's language. */
export type UserTab = { readonly object: string; readonly label: string; readonly icon: Icon } | { readonly page: string; readonly label: string | null };

/** An app as one user's navigation shows it. */
export interface UserApp {
  readonly name: string;
  readonly label: string;
  readonly icon: Icon;
  readonly tabs: readonly UserTab[];
}

/**
 * The apps of the signed-in user, in the switcher's order, with labels in the request's language:
 * those shown to one of their permission sets (or to everyone), each with the tabs of objects they
 * may not read left out; an app left without tabs is left out too.
 */
export function listUserApps(ctx: OperationContext): UserApp[] {
  const visible = visibleSnapshot(ctx.snapshot, ctx.principal);
  return [...ctx.snapshot.apps.values()]
    .filter((app) => shownTo(app.permissionSets, ctx.principal))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map((app) => ({ name: app.name, label: localize(app.label, ctx.language), icon: app.icon, tabs: userTabs(app.tabs, visible, ctx.language) }))
    .filter((app) => app.tabs.length > 0);
}

function userTabs(tabs: readonly AppTab[], visible: Snapshot, language: Language): UserTab[] {
  return tabs.flatMap((tab): UserTab[] => {
    if ('page' in tab) return [{ page: tab.page, label: tab.label ? localize(resolveLabels(tab.label, tab.page), language) : null }];
    const object = visible.object(tab.object);
    return object ? [{ object: object.name, label: localize(object.object.pluralLabel, language), icon: object.object.icon }] : [];
  });
}

