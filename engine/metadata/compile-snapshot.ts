import type { ErrorDetail } from '../errors/index.js';
import { compileCurrencies } from './currencies/currency-table.js';
import { readableErrors } from './readable-errors.js';
import { CompiledObject } from './compiled-object.js';
import { listViewFields } from './record-indexes.js';
import { checkDefinition } from './definition-validator.js';
import type { Definitions, DefinitionOf, MetadataKind } from './kinds/index.js';
import { resolveLayout } from './layouts/resolve-layout.js';
import type { ResolvedLayout } from './layouts/resolved-layout.js';
import { resolveObject } from './resolve-object.js';
import type { ResolvedObject } from './resolved-object.js';
import { compileObjectLogic, type ObjectLogic } from './object-logic.js';
import { Snapshot, type SnapshotParts } from './snapshot.js';
import type { LayoutDefinition } from '../schemas/generated/layout.js';
import type { ObjectDefinition } from '../schemas/generated/object.js';
import { compileSecurity } from './security/compile-security.js';
import type { SecurityModel } from './security/resolved-security.js';
import type { ApprovalProcessDefinition } from '../schemas/generated/approval-process.js';
import { compileProcess } from './approval-processes/compile-process.js';
import type { CompiledProcess } from './approval-processes/compiled-process.js';
import type { AutomationRuleDefinition } from '../schemas/generated/automation-rule.js';
import type { AssignmentRuleDefinition } from '../schemas/generated/assignment-rule.js';
import { compileRule, type CompiledRule } from './automation-rules/compile-rule.js';
import { compileAssignmentRule, type CompiledAssignmentRule } from './assignment-rules/compile-assignment-rule.js';
import { fieldTypeOf } from '../fields/index.js';
import { rollupFilterProblems } from './query/rollup-criteria.js';
import { cloneDocument, sameDocument } from '../store/json-document.js';
import { msg } from '../i18n/message.js';
import { resolveApp, type ResolvedApp } from './apps/resolve-app.js';
import { resolveListView, type ResolvedListView } from './list-views/resolve-list-view.js';
import { compilePackKinds, type PackDefinition, type PackKind } from './pack-kinds/index.js';
import { compilePrintTemplate, type CompiledPrintTemplate } from './print-templates/compile-print-template.js';
import type { PrintTemplateDefinition } from '../schemas/generated/print-template.js';
import { resolveReport } from './reports/resolve-report.js';
import { resolveDashboard } from './dashboards/resolve-dashboard.js';
import { compileWebhooks } from './webhooks/compile-webhook.js';

export { NO_DEFINITIONS, type Definitions } from './kinds/index.js';

export interface SnapshotResult {
  snapshot: Snapshot;
  /** Problems per definition, keyed `kind:name`; the snapshot is only usable when there are none. */
  problems: Map<string, ErrorDetail[]>;
}

/**
 * The definitions of the packs' kinds travel with the platform's, each kind's list under its name:
 * `{ object: [...], layout: [...], slaPolicy: [...] }`.
 */
export type DefinitionsWithPacks = Definitions & { readonly [packKind: string]: readonly PackDefinition[] | undefined };

/** No pack kinds: a tenant whose packs add none. */
export const NO_KINDS: ReadonlyMap<string, PackKind> = new Map();

export function problemKey(kind: string, name: string): string {
  return `${kind}:${name}`;
}

/**
 * Compiles a tenant's definitions into a snapshot: objects first, then what refers to them, and
 * last the definitions of the kinds its packs add (`packKinds`), which may name any of the rest.
 * Objects whose definition is unchanged since `previous` keep their compiled form, so a change to
 * one object costs the compilation of one.
 */
export function compileSnapshot(version: number, definitions: Definitions, previous?: Snapshot, packKinds: ReadonlyMap<string, PackKind> = NO_KINDS): SnapshotResult {
  const problems = new Map<string, ErrorDetail[]>();
  const known = new Map(definitions.object.map((definition) => [definition.name, definition]));
  const resolved = new Map<string, { definition: ObjectDefinition; object: ResolvedObject }>();
  const report = (name: string, list: ErrorDetail[]) => {
    if (list.length > 0) problems.set(problemKey('object', name), [...(problems.get(problemKey('object', name)) ?? []), ...list]);
  };
  // Every object is resolved before any expression is compiled: formulas read their parents' fields.
  for (const definition of definitions.object) {
    const checked = checkDefinition('object', definition);
    if (!checked.ok) {
      report(definition.name, checked.problems);
      continue;
    }
    const result = resolveObject(checked.definition, known);
    report(definition.name, result.problems);
    if (result.problems.length === 0) resolved.set(definition.name, { definition: checked.definition, object: result.object });
  }
  const objects = new Map<string, CompiledObject>();
  for (const { definition, object } of resolved.values()) {
    const { logic, problems: logicProblems } = compileObjectLogic(definition, object, (name) => resolved.get(name)?.object);
    report(definition.name, logicProblems);
    if (logicProblems.length > 0) continue;
    const compiled = compiledForm(definition, object, logic, listViewFields(object, definitions.listView), previous);
    report(definition.name, defaultProblems(compiled));
    objects.set(definition.name, compiled);
  }
  // Roll-up filters are checked once every object is compiled: the detail may come after its master.
  for (const object of objects.values()) report(object.name, newRollupFilterProblems(object, objects, previous));
  const layouts = compileLayouts(definitions.layout, objects, problems);
  const currencies = compileCurrencies(definitions.currency.filter((definition) => checkDefinition('currency', definition).ok));
  for (const [name, list] of currencies.problems) problems.set(problemKey('currency', name), list);
  const security = compileSecurity(definitions, objects, (kind, name, list) => problems.set(problemKey(kind, name), list));
  checkLayoutRoles(layouts, security, problems);
  const processes = compileProcesses(definitions.approvalProcess, objects, security, problems);
  const rules = compileRules(definitions.automationRule, objects, problems);
  const assignments = compileAssignmentRules(definitions.assignmentRule, objects, security, problems);
  const apps = compileNamed('app', definitions.app, security, problems, (definition) => {
    const result = resolveApp(definition, objects);
    return { resolved: result.app, problems: result.problems };
  });
  const views = compileNamed('listView', definitions.listView, security, problems, (definition) => {
    const result = resolveListView(definition, objects);
    return { resolved: result.view, problems: result.problems };
  });
  const reports = compileNamed('report', definitions.report, security, problems, (definition) => {
    const result = resolveReport(definition, objects);
    return { resolved: result.report, problems: result.problems };
  });
  const scope = { objects, reports, apps: new Set(apps.keys()), roles: new Set(security.roles.keys()) };
  const dashboards = compileNamed('dashboard', definitions.dashboard, security, problems, (definition) => {
    const result = resolveDashboard(definition, scope);
    return { resolved: result.dashboard, problems: result.problems };
  });
  const printTemplates = compilePrintTemplates(definitions.printTemplate, objects, problems);
  const webhooks = compileWebhooks(definitions.webhook, objects, processes, (name, list) => problems.set(problemKey('webhook', name), list));
  const parts: SnapshotParts = {
    objects, layouts, currencies: currencies.table, security, approvalProcesses: processes, automationRules: rules,
    assignmentRules: assignments, apps, listViews: views, printTemplates, reports, dashboards, webhooks,
  };
  const base = new Snapshot(version, parts);
  if (packKinds.size === 0) return { snapshot: base, problems };
  const ofPacks = compilePackKinds(packKinds, (kind) => (definitions as DefinitionsWithPacks)[kind] ?? [], base, (kind, name, list) => problems.set(problemKey(kind, name), list));
  return { snapshot: new Snapshot(version, { ...parts, packKinds: ofPacks }), problems };
}

/**
 * A roll-up filter stored before filters were checked stays as it is (it counts no detail, and
 * loading logs it): only problems a change brings are reported, so it does not block every other
 * change of the tenant's metadata.
 */
function newRollupFilterProblems(object: CompiledObject, objects: ReadonlyMap<string, CompiledObject>, previous: Snapshot | undefined): ErrorDetail[] {
  const found = rollupFilterProblems(object, objects);
  const before = previous?.object(object.name);
  if (found.length === 0 || !previous || !before) return found;
  const known = new Set(rollupFilterProblems(before, previous.objects).map((detail) => `${detail.path} ${detail.message}`));
  return found.filter((detail) => !known.has(`${detail.path} ${detail.message}`));
}

function compiledForm(definition: ObjectDefinition, object: ResolvedObject, logic: ObjectLogic, viewFields: string[], previous: Snapshot | undefined): CompiledObject {
  const reusable = previous?.object(definition.name);
  // What a field resolves to can depend on other objects (a roll-up's relationship), so the
  // resolved fields must match too before the old compiled form is kept.
  return reusable && sameDocument(reusable.definition, definition) && sameDocument(reusable.object.fields, object.fields) && sameDocument(reusable.viewFields, viewFields)
    ? reusable
    : new CompiledObject(cloneDocument(definition), object, logic, viewFields);
}

function compileLayouts(
  definitions: readonly LayoutDefinition[],
  objects: ReadonlyMap<string, CompiledObject>,
  problems: Map<string, ErrorDetail[]>,
): Map<string, ResolvedLayout> {
  const layouts = new Map<string, ResolvedLayout>();
  const defaults = new Map<string, string>();
  for (const definition of definitions) {
    const checked = checkDefinition('layout', definition);
    const resolved = checked.ok ? resolveLayout(checked.definition, objects) : { problems: checked.problems };
    const own = [...resolved.problems];
    if (resolved.layout?.isDefault) {
      const other = defaults.get(resolved.layout.object);
      if (other) own.push({ path: '/isDefault', message: msg`layout '${other}' is already the default of ${resolved.layout.object}` });
      else defaults.set(resolved.layout.object, resolved.layout.name);
    }
    if (own.length > 0) problems.set(problemKey('layout', definition.name), own);
    else if (resolved.layout) layouts.set(definition.name, resolved.layout);
  }
  return layouts;
}

/** Approval processes last: they name objects, fields, roles and groups. */
function compileProcesses(
  definitions: readonly ApprovalProcessDefinition[],
  objects: ReadonlyMap<string, CompiledObject>,
  security: SecurityModel,
  problems: Map<string, ErrorDetail[]>,
): Map<string, CompiledProcess> {
  const processes = new Map<string, CompiledProcess>();
  for (const definition of definitions) {
    const checked = checkDefinition('approvalProcess', definition);
    const result = checked.ok ? compileProcess(checked.definition, { objects, security }) : { problems: checked.problems };
    if (result.process) processes.set(result.process.name, result.process);
    else problems.set(problemKey('approvalProcess', definition.name), result.problems);
  }
  return processes;
}

/** Automation rules name objects and fields only. */
function compileRules(definitions: readonly AutomationRuleDefinition[], objects: ReadonlyMap<string, CompiledObject>, problems: Map<string, ErrorDetail[]>): Map<string, CompiledRule> {
  const rules = new Map<string, CompiledRule>();
  for (const definition of definitions) {
    const checked = checkDefinition('automationRule', definition);
    const result = checked.ok ? compileRule(checked.definition, objects) : { problems: checked.problems };
    if (result.rule) rules.set(result.rule.name, result.rule);
    else problems.set(problemKey('automationRule', definition.name), result.problems);
  }
  return rules;
}

/** Print templates name objects, their fields, parents and related lists. */
function compilePrintTemplates(
  definitions: readonly PrintTemplateDefinition[],
  objects: ReadonlyMap<string, CompiledObject>,
  problems: Map<string, ErrorDetail[]>,
): Map<string, CompiledPrintTemplate> {
  const templates = new Map<string, CompiledPrintTemplate>();
  for (const definition of definitions) {
    const checked = checkDefinition('printTemplate', definition);
    const result = checked.ok ? compilePrintTemplate(checked.definition, objects) : { problems: checked.problems };
    if (result.template) templates.set(result.template.name, result.template);
    else problems.set(problemKey('printTemplate', definition.name), result.problems);
  }
  return templates;
}

/** Assignment rules name objects, fields and groups. */
function compileAssignmentRules(
  definitions: readonly AssignmentRuleDefinition[],
  objects: ReadonlyMap<string, CompiledObject>,
  security: SecurityModel,
  problems: Map<string, ErrorDetail[]>,
): Map<string, CompiledAssignmentRule> {
  const rules = new Map<string, CompiledAssignmentRule>();
  for (const definition of definitions) {
    const checked = checkDefinition('assignmentRule', definition);
    const result = checked.ok ? compileAssignmentRule(checked.definition, objects, security) : { problems: checked.problems };
    if (result.rule) rules.set(result.rule.name, result.rule);
    else problems.set(problemKey('assignmentRule', definition.name), result.problems);
  }
  return rules;
}

/**
 * Apps, list views, reports and dashboards: each checked against its schema and resolved, then the permission sets it
 * is shown to must exist (a set that goes away would otherwise silently hide it from its users).
 */
function compileNamed<K extends 'app' | 'listView' | 'report' | 'dashboard', R extends { readonly permissionSets: readonly string[] }>(
  kind: K,
  definitions: readonly Definitions[K][number][],
  security: SecurityModel,
  problems: Map<string, ErrorDetail[]>,
  resolve: (definition: DefinitionOf[K]) => { resolved: R | undefined; problems: ErrorDetail[] },
): Map<string, R> {
  const compiled = new Map<string, R>();
  for (const definition of definitions) {
    const checked = checkDefinition(kind, definition);
    const result = checked.ok ? resolve(checked.definition) : { resolved: undefined, problems: checked.problems };
    const own = [...result.problems];
    result.resolved?.permissionSets.forEach((set, index) => {
      if (!security.permissionSets.has(set)) own.push({ path: `/permissionSets/${index}`, message: msg`there is no permission set named '${set}'` });
    });
    if (own.length > 0 || !result.resolved) problems.set(problemKey(kind, definition.name), own);
    else compiled.set(definition.name, result.resolved);
  }
  return compiled;
}

/** A layout's roles must exist, and one role gets at most one layout of each object. */
function checkLayoutRoles(layouts: Map<string, ResolvedLayout>, security: SecurityModel, problems: Map<string, ErrorDetail[]>): void {
  const taken = new Map<string, string>();
  for (const layout of [...layouts.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const own: ErrorDetail[] = [];
    layout.roles.forEach((role, index) => {
      const other = taken.get(`${layout.object}:${role}`);
      if (!security.roles.has(role)) own.push({ path: `/roles/${index}`, message: msg`there is no role named '${role}'` });
      else if (other) own.push({ path: `/roles/${index}`, message: msg`role '${role}' already has layout '${other}' for ${layout.object}` });
      else taken.set(`${layout.object}:${role}`, layout.name);
    });
    if (own.length > 0) {
      problems.set(problemKey('layout', layout.name), own);
      layouts.delete(layout.name);
    }
  }
}

/** A default must be a value the field would accept from a client. */
function defaultProblems(compiled: CompiledObject): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  compiled.object.fields.forEach((field, index) => {
    if (field.default === undefined) return;
    const validate = compiled.valueValidator(field);
    if (!validate(field.default)) {
      for (const detail of readableErrors(validate.errors ?? [], { unknownProperty: msg`is not allowed` })) {
        problems.push({ path: `/fields/${index}/default${detail.path}`, message: detail.message });
      }
      return;
    }
    const message = fieldTypeOf(field).check?.(field.default, field);
    if (message) problems.push({ path: `/fields/${index}/default`, message });
  });
  return problems;
}
