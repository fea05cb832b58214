import type { AppTab, UserApp } from '../metadata/use-apps';

/** One entry of the navigation: where it goes and what it says (null: the page's own name, from the studio's texts). */
export interface NavTab {
  readonly path: string;
  readonly label: string | null;
  readonly kind: 'home' | 'object' | 'page';
  /** An object's icon name (icon-names.ts). */
  readonly icon?: string;
}

/** What the shell shows: the current app (none without apps), and its tabs, Home first. */
export interface Navigation {
  readonly app: UserApp | undefined;
  readonly tabs: readonly NavTab[];
}

/**
 * The navigation of a user: the remembered app when they still have it, else their first; its
 * tabs, with Home first when the app has no tab for it. Without any app (a fresh platform, or
 * none for this user) it is the list of objects they may read, as before apps existed.
 */
export function navigation(apps: readonly UserApp[], objects: readonly { name: string; label: string; icon?: string }[], remembered: string | null): Navigation {
  const app = apps.find((candidate) => candidate.name === remembered) ?? apps[0];
  const tabs = app ? app.tabs.map(tabOf) : objects.map((object): NavTab => ({ path: `/o/${object.name}`, label: object.label, kind: 'object', ...(object.icon ? { icon: object.icon } : {}) }));
  return { app, tabs: tabs.some((tab) => tab.kind === 'home') ? tabs : [{ path: '/', label: null, kind: 'home' }, ...tabs] };
}

function tabOf(tab: AppTab): NavTab {
  if ('object' in tab) return { path: `/o/${tab.object}`, label: tab.label, kind: 'object', ...(tab.icon ? { icon: tab.icon } : {}) };
  return { path: tab.page, label: tab.label, kind: tab.page === '/' ? 'home' : 'page' };
}

/** The tab a path belongs to: an object's list, record and new-record pages are all its tab. */
export function selectedTab(tabs: readonly NavTab[], pathname: string): string | undefined {
  const match = tabs.filter((tab) => pathname === tab.path || (tab.path !== '/' && pathname.startsWith(`${tab.path}/`)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

const REMEMBERED = 'crm.app';

/** The app the user last picked, kept in this browser (a name, nothing secret). */
export function rememberedApp(): string | null {
  try {
    return window.localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

export function rememberApp(name: string): void {
  try {
    window.localStorage.setItem(REMEMBERED, name);
  } catch {
    // A browser that keeps nothing (private mode) only forgets the choice.
  }
}
