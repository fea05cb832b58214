import type { CompiledObject } from './compiled-object.js';
import { NO_CURRENCIES, type CurrencyTable } from './currencies/currency-table.js';
import type { ResolvedLayout } from './layouts/resolved-layout.js';
import { EMPTY_SECURITY, type SecurityModel } from './security/resolved-security.js';
import type { CompiledProcess } from './approval-processes/compiled-process.js';
import type { CompiledRule } from './automation-rules/compile-rule.js';
import type { CompiledAssignmentRule } from './assignment-rules/compile-assignment-rule.js';
import type { ResolvedApp } from './apps/resolve-app.js';
import type { ResolvedListView } from './list-views/resolve-list-view.js';

/**
 * A tenant's metadata compiled at one version: immutable, swapped whole. A request takes the
 * snapshot once at its start and keeps it to its end, whatever changes meanwhile.
 */
export class Snapshot {
  private readonly derived = new Map<string, unknown>();

  constructor(
    readonly version: number,
    readonly objects: ReadonlyMap<string, CompiledObject>,
    readonly layouts: ReadonlyMap<string, ResolvedLayout> = new Map(),
    readonly currencies: CurrencyTable = NO_CURRENCIES,
    /** Roles, groups, permission sets and sharing rules. */
    readonly security: SecurityModel = EMPTY_SECURITY,
    readonly approvalProcesses: ReadonlyMap<string, CompiledProcess> = new Map(),
    readonly automationRules: ReadonlyMap<string, CompiledRule> = new Map(),
    /** The apps of the web app's navigation. */
    readonly apps: ReadonlyMap<string, ResolvedApp> = new Map(),
    /** The shared list views (personal ones are their owners' data, not metadata of the tenant). */
    readonly listViews: ReadonlyMap<string, ResolvedListView> = new Map(),
    readonly assignmentRules: ReadonlyMap<string, CompiledAssignmentRule> = new Map(),
  ) {}

  object(name: string): CompiledObject | undefined {
    return this.objects.get(name);
  }

  layout(name: string): ResolvedLayout | undefined {
    return this.layouts.get(name);
  }

  /** The layouts of one object, the default first, then by name. */
  layoutsOf(objectName: string): ResolvedLayout[] {
    return [...this.layouts.values()]
      .filter((layout) => layout.object === objectName)
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
  }

  /** The approval processes of one object, in the order they take records: `order`, then name. */
  processesOf(objectName: string): CompiledProcess[] {
    return [...this.approvalProcesses.values()]
      .filter((process) => process.object === objectName)
      .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  }

  /** The automation rules of one object, in the order they run: `order`, then name. */
  rulesFor(objectName: string): CompiledRule[] {
    return this.memo(`rules:${objectName}`, () =>
      [...this.automationRules.values()].filter((rule) => rule.object === objectName).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)),
    );
  }

  /** The assignment rules of one object, in the order they are tried: `order`, then name. */
  assignmentRulesFor(objectName: string): CompiledAssignmentRule[] {
    return this.memo(`assignment:${objectName}`, () =>
      [...this.assignmentRules.values()].filter((rule) => rule.object === objectName).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)),
    );
  }

  /** The shared list views of one object, by name. */
  listViewsOf(objectName: string): ResolvedListView[] {
    return [...this.listViews.values()].filter((view) => view.object === objectName).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A copy at another version: what the registry swaps in once a change committed. */
  at(version: number): Snapshot {
    return new Snapshot(version, this.objects, this.layouts, this.currencies, this.security, this.approvalProcesses, this.automationRules, this.apps, this.listViews, this.assignmentRules);
  }

  /**
   * Artefacts computed from the whole snapshot (the OpenAPI document), built by the first request
   * that needs them and shared by all later ones on this version.
   */
  memo<T>(key: string, build: () => T): T {
    if (!this.derived.has(key)) this.derived.set(key, build());
    return this.derived.get(key) as T;
  }
}
