import type { ErrorDetail } from '../../errors/index.js';
import type { Labels } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { resolveLabels } from '../labels.js';
import type { AppDefinition, AppTab } from '../../schemas/generated/app.js';
import type { Icon } from '../../schemas/generated/common.js';
import { msg } from '../../i18n/message.js';

/** An app as the engine runs it: its objects checked, its defaults filled. */
export interface ResolvedApp {
  readonly definition: AppDefinition;
  readonly name: string;
  readonly label: Labels;
  readonly icon: Icon;
  readonly order: number;
  readonly tabs: readonly AppTab[];
  /** Empty: every user sees the app. */
  readonly permissionSets: readonly string[];
}

/**
 * Checks an app (already valid against its schema) against the objects its tabs name: each must
 * exist and be a tab once, and a page once. Its permission sets are checked with the security model.
 */
export function resolveApp(definition: AppDefinition, objects: ReadonlyMap<string, CompiledObject>): { app?: ResolvedApp; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  definition.tabs.forEach((tab, index) => {
    const key = 'object' in tab ? `object:${tab.object}` : `page:${tab.page}`;
    if ('object' in tab && !objects.has(tab.object)) problems.push({ path: `/tabs/${index}/object`, message: msg`there is no object named '${tab.object}'` });
    else if (seen.has(key)) problems.push({ path: `/tabs/${index}`, message: msg`is already a tab of the app` });
    seen.add(key);
  });
  if (problems.length > 0) return { problems };
  return {
    problems,
    app: {
      definition,
      name: definition.name,
      label: resolveLabels(definition.label, definition.name),
      icon: definition.icon ?? 'AppstoreOutlined',
      order: definition.order ?? 0,
      tabs: definition.tabs,
      permissionSets: definition.permissionSets ?? [],
    },
  };
}
