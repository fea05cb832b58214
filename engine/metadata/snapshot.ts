import type { CompiledObject } from './compiled-object.js';
import { NO_CURRENCIES, type CurrencyTable } from './currencies/currency-table.js';
import type { ResolvedLayout } from './layouts/resolved-layout.js';
import { EMPTY_SECURITY, type SecurityModel } from './security/resolved-security.js';
import type { CompiledProcess } from './approval-processes/compiled-process.js';
import type { CompiledRule } from './automation-rules/compile-rule.js';
import type { CompiledAssignmentRule } from './assignment-rules/compile-assignment-rule.js';
import type { ResolvedApp } from './apps/resolve-app.js';
import type { ResolvedListView } from './list-views/resolve-list-view.js';
import { NO_PACK_KINDS, type PackKindSet } from './pack-kinds/pack-kind-set.js';
import type { CompiledPrintTemplate } from './print-templates/compile-print-template.js';
import type { ResolvedReport } from './reports/resolve-report.js';
import type { ResolvedDashboard } from './dashboards/resolve-dashboard.js';
import type { CompiledWebhook } from './webhooks/compile-webhook.js';

/**
 * A tenant's metadata compiled at one version: immutable, swapped whole. A request takes the
 * snapshot once at its start and keeps it to its end, whatever changes meanwhile.
 */
/** What a snapshot is made of; every part but the objects may be left out (and is then empty). */
export interface SnapshotParts {
  readonly objects: ReadonlyMap<string, CompiledObject>;
  readonly layouts?: ReadonlyMap<string, ResolvedLayout>;
  readonly currencies?: CurrencyTable;
  /** Roles, groups, permission sets and sharing rules. */
  readonly security?: SecurityModel;
  readonly approvalProcesses?: ReadonlyMap<string, CompiledProcess>;
  readonly automationRules?: ReadonlyMap<string, CompiledRule>;
  readonly assignmentRules?: ReadonlyMap<string, CompiledAssignmentRule>;
  /** The apps of the web app's navigation. */
  readonly apps?: ReadonlyMap<string, ResolvedApp>;
  /** The shared list views (personal ones are their owners' data, not metadata of the tenant). */
  readonly listViews?: ReadonlyMap<string, ResolvedListView>;
  /** The print templates of objects' records (HTML and PDF). */
  readonly printTemplates?: ReadonlyMap<string, CompiledPrintTemplate>;
  readonly reports?: ReadonlyMap<string, ResolvedReport>;
  readonly dashboards?: ReadonlyMap<string, ResolvedDashboard>;
  /** The outgoing webhooks and the events they listen to. */
  readonly webhooks?: ReadonlyMap<string, CompiledWebhook>;
  /** The kinds the tenant's packs add, with their definitions. */
  readonly packKinds?: PackKindSet;
}

/**
 * A tenant's metadata compiled at one version: immutable, swapped whole. A request takes the
 * snapshot once at its start and keeps it to its end, whatever changes meanwhile.
 */
export class Snapshot implements Required<SnapshotParts> {
  private readonly derived = new Map<string, unknown>();
  readonly objects: ReadonlyMap<string, CompiledObject>;
  readonly layouts: ReadonlyMap<string, ResolvedLayout>;
  readonly currencies: CurrencyTable;
  readonly security: SecurityModel;
  readonly approvalProcesses: ReadonlyMap<string, CompiledProcess>;
  readonly automationRules: ReadonlyMap<string, CompiledRule>;
  readonly assignmentRules: ReadonlyMap<string, CompiledAssignmentRule>;
  readonly apps: ReadonlyMap<string, ResolvedApp>;
  readonly listViews: ReadonlyMap<string, ResolvedListView>;
  readonly printTemplates: ReadonlyMap<string, CompiledPrintTemplate>;
  readonly reports: ReadonlyMap<string, ResolvedReport>;
  readonly dashboards: ReadonlyMap<string, ResolvedDashboard>;
  readonly webhooks: ReadonlyMap<string, CompiledWebhook>;
  readonly packKinds: PackKindSet;

  constructor(
    readonly version: number,
    parts: SnapshotParts,
  ) {
    this.objects = parts.objects;
    this.layouts = parts.layouts ?? new Map();
    this.currencies = parts.currencies ?? NO_CURRENCIES;
    this.security = parts.security ?? EMPTY_SECURITY;
    this.approvalProcesses = parts.approvalProcesses ?? new Map();
    this.automationRules = parts.automationRules ?? new Map();
    this.assignmentRules = parts.assignmentRules ?? new Map();
    this.apps = parts.apps ?? new Map();
    this.listViews = parts.listViews ?? new Map();
    this.printTemplates = parts.printTemplates ?? new Map();
    this.reports = parts.reports ?? new Map();
    this.dashboards = parts.dashboards ?? new Map();
    this.webhooks = parts.webhooks ?? new Map();
    this.packKinds = parts.packKinds ?? NO_PACK_KINDS;
  }

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

  /** The print templates of one object, by name. */
  printTemplatesOf(objectName: string): CompiledPrintTemplate[] {
    return [...this.printTemplates.values()].filter((template) => template.object === objectName).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A copy at another version: what the registry swaps in once a change committed. */
  at(version: number): Snapshot {
    return new Snapshot(version, this);
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
