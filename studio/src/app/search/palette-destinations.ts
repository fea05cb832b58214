import { fromServer, localize } from '../../shared/i18n/localize';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import type { UserApp } from '../../shared/metadata/use-apps';
import { navigation } from '../../shared/shell/navigation';
import { viewParams, type ListView } from '../list/list-views';
import type { PaletteOption } from './palette-options';

/** Whether one of the names holds the typed text (ignoring case); nothing typed holds everything. */
export function namesHold(names: readonly string[], text: string): boolean {
  const needle = text.trim().toLocaleLowerCase();
  return needle === '' || names.some((name) => name.toLocaleLowerCase().includes(needle));
}

/** The names an object is found by: its labels in the user's language and in English, and its API name. */
function objectNames(object: ObjectDefinition, language: UiLanguage): string[] {
  return [localize(object.pluralLabel ?? object.label, language, object.name), localize(object.label, language, object.name), localize(object.pluralLabel ?? object.label, 'en', object.name), object.name];
}

/**
 * The objects whose views the palette offers: the current app's (in its tab order), then every
 * other object whose label or API name holds the text. Nothing typed: the app's only, so opening
 * the palette asks the server for the views of a few objects, not of all of them.
 */
export function viewObjects(objects: readonly ObjectDefinition[], appObjects: readonly string[], language: UiLanguage, text: string): ObjectDefinition[] {
  const inApp = appObjects.flatMap((name) => objects.filter((object) => object.name === name));
  const typed = text.trim() === '' ? [] : objects.filter((object) => !appObjects.includes(object.name) && namesHold(objectNames(object, language), text));
  return [...inApp, ...typed];
}

/** The words of a view's second line. */
export interface ViewDetailTexts {
  readonly all: string;
  readonly personal: string;
  readonly kanban: string;
}

/**
 * Each object's list (every record) and its views, shared and the user's own, as palette lines.
 * A view is found by its label and API name, or by its object's: typing "deal" offers every view
 * of deals. Picking a view opens the list with the view's filter, sort and kanban in the address.
 */
export function viewOptions(sources: readonly { object: ObjectDefinition; views: readonly ListView[] }[], language: UiLanguage, text: string, texts: ViewDetailTexts): PaletteOption[] {
  return sources.flatMap(({ object, views }) => {
    const objectLabel = localize(object.pluralLabel ?? object.label, language, object.name);
    const objectFound = namesHold(objectNames(object, language), text);
    const all: PaletteOption[] = objectFound ? [{ key: `list:${object.name}`, group: 'views', label: objectLabel, detail: texts.all, path: `/o/${object.name}` }] : [];
    const named = views
      .filter((view) => objectFound || namesHold([fromServer(view.label, language), view.name], text))
      .map((view): PaletteOption => {
        const query = viewParams(new URLSearchParams(), view).toString();
        const detail = [objectLabel, view.personal ? texts.personal : undefined, view.kanbanField ? texts.kanban : undefined].filter(Boolean).join(' · ');
        return { key: `view:${object.name}:${view.name}`, group: 'views', label: fromServer(view.label, language), detail, path: `/o/${object.name}?${query}` };
      });
    return [...all, ...named];
  });
}

/** The user's apps whose label or API name holds the text; the current one says so. */
export function appOptions(apps: readonly UserApp[], current: string | undefined, language: UiLanguage, text: string, currentText: string): PaletteOption[] {
  return apps
    .filter((app) => namesHold([fromServer(app.label, language), app.name], text))
    .map((app) => {
      // Where the app switcher opens it: its first tab past home.
      const path = navigation([app], [], app.name).tabs.find((tab) => tab.kind !== 'home')?.path ?? '/';
      return { key: `app:${app.name}`, group: 'apps', label: fromServer(app.label, language), path, app: app.name, ...(app.name === current ? { detail: currentText } : {}) };
    });
}

/** The app's fixed pages (home, the approvals inbox …) found by their label or their address. */
export function pageOptions(pages: readonly { path: string; label: string }[], text: string): PaletteOption[] {
  return pages.filter((page) => namesHold([page.label, page.path], text)).map((page) => ({ key: `page:${page.path}`, group: 'pages', label: page.label, path: page.path }));
}
