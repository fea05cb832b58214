import type { Principal } from '../../context/principal.js';
import { narrowedView } from '../list-views/user-list-views.js';
import type { AppDefinition } from '../../schemas/generated/app.js';
import type { ListViewDefinition } from '../../schemas/generated/list-view.js';
import type { ReportDefinition } from '../../schemas/generated/report.js';
import type { DashboardDefinition } from '../../schemas/generated/dashboard.js';
import { shownTo } from '../shown-to.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { ApprovalProcessDefinition } from '../../schemas/generated/approval-process.js';
import type { LayoutDefinition, LayoutField, RelatedList, Section } from '../../schemas/generated/layout.js';
import type { Field, ObjectDefinition } from '../../schemas/generated/object.js';
import type { PrintTemplateDefinition } from '../../schemas/generated/print-template.js';

/**
 * What a user who may not manage metadata sees of a definition. Metadata is the tenant's setup:
 * such users get what the screens they work in need (names, labels, types, picklist values), of the
 * objects and fields they may read only, and none of the logic behind them.
 */

/** The tenant's snapshot, and the user's visible one: the objects they may read, without the fields hidden from them. */
export interface UserView {
  readonly full: Snapshot;
  readonly visible: Snapshot;
  readonly principal: Principal;
}

/**
 * An object as a user may know it. The hidden fields are already gone from `view`; here goes what
 * would still name them or reveal the logic: expressions (formulas, default expressions), validation
 * rules, roll-up definitions (their child object, field and filter), notes for admins, a dependent
 * picklist's map when its controlling field is hidden, and currency settings naming hidden fields.
 */
export function objectForUser(definition: ObjectDefinition): ObjectView {
  const visible = new Set((definition.fields ?? []).map((field) => field.name));
  const { validationRules: _rules, description: _note, ...rest } = definition;
  return { ...rest, fields: (definition.fields ?? []).map((field) => fieldForUser(field, visible)) };
}

/** A field as users who may not manage metadata see it: its definition less the properties withheld from them. */
export type FieldView = Pick<Field, 'name' | 'type'> & { readonly [property: string]: unknown };

export type ObjectView = Omit<ObjectDefinition, 'validationRules' | 'description' | 'fields'> & { fields: FieldView[] };

/** One field of a visible object definition, as `objectForUser` shows it; `visible` names the object's visible fields. */
function fieldForUser(field: Field, visible: ReadonlySet<string>): FieldView {
  const { description: _note, defaultExpression: _default, ...common } = field as Field & { description?: string; defaultExpression?: string };
  const shown: Record<string, unknown> = { ...common };
  switch (field.type) {
    case 'formula':
      delete shown.expression;
      break;
    case 'rollup':
      for (const key of ['child', 'relationship', 'field', 'filter']) delete shown[key];
      break;
    case 'picklist':
    case 'multipicklist':
      if (field.controllingField !== undefined && !visible.has(field.controllingField)) {
        delete shown.controllingField;
        delete shown.dependencies;
      }
      break;
    case 'currency':
      if (field.currencyField !== undefined && !visible.has(field.currencyField)) delete shown.currencyField;
      if (field.rateDate !== undefined && !visible.has(field.rateDate)) delete shown.rateDate;
      break;
    default:
      break;
  }
  return { ...shown, name: field.name, type: field.type };
}

/**
 * A layout of an object the user may read: sections with the fields they may read (a section left
 * empty goes, and so does a layout left without sections), related lists of child objects they may read with their visible columns; without
 * the roles it is assigned to and the admin's description.
 */
export function layoutForUser(layout: LayoutDefinition, view: UserView): LayoutDefinition | undefined {
  if (!view.visible.object(layout.object)) return undefined;
  const hidden = hiddenNames(layout.object, view);
  const sections: Section[] = [];
  for (const section of layout.sections) {
    const fields = section.fields.filter((entry) => !hidden(layoutFieldName(entry)));
    if (fields.length > 0) sections.push({ ...section, fields: fields as Section['fields'] });
  }
  const relatedLists: RelatedList[] = [];
  for (const list of layout.relatedLists ?? []) {
    if (!view.visible.object(list.object)) continue;
    const childHidden = hiddenNames(list.object, view);
    if (list.field !== undefined && childHidden(list.field)) continue;
    relatedLists.push({ ...list, ...(list.columns ? { columns: list.columns.filter((column) => !childHidden(column)) as RelatedList['columns'] } : {}) });
  }
  // A layout of which nothing is left shows the user nothing: as if it did not exist.
  if (sections.length === 0) return undefined;
  const { roles: _roles, description: _note, relatedLists: _lists, ...rest } = layout;
  return { ...rest, sections: sections as LayoutDefinition['sections'], ...(layout.relatedLists ? { relatedLists: relatedLists as LayoutDefinition['relatedLists'] } : {}) };
}

/** What a submitter needs of an approval process: its name, labels and steps' names, not who approves nor what it does. */
export type ProcessSummary = Pick<ApprovalProcessDefinition, 'name' | 'label' | 'object' | 'active'> & { steps: { name: string; label?: ApprovalProcessDefinition['label'] }[] };

export function processForUser(process: ApprovalProcessDefinition, view: UserView): ProcessSummary | undefined {
  if (!view.visible.object(process.object)) return undefined;
  return {
    name: process.name,
    ...(process.label ? { label: process.label } : {}),
    object: process.object,
    ...(process.active === undefined ? {} : { active: process.active }),
    steps: process.steps.map((step) => ({ name: step.name, ...(step.label ? { label: step.label } : {}) })),
  };
}

/** An app shown to the user, with the tabs they may open; without who else sees it nor the admin's note. */
export function appForUser(app: AppDefinition, view: UserView): AppDefinition | undefined {
  if (!shownTo(app.permissionSets ?? [], view.principal)) return undefined;
  const [first, ...rest] = app.tabs.filter((tab) => 'page' in tab || view.visible.object(tab.object) !== undefined);
  if (first === undefined) return undefined;
  const { permissionSets: _sets, description: _note, ...shown } = app;
  return { ...shown, tabs: [first, ...rest] };
}

/** A shared list view shown to the user, narrowed to the columns they may read (as the web app gets it). */
export function listViewForUser(listView: ListViewDefinition, view: UserView): ListViewDefinition | undefined {
  if (!shownTo(listView.permissionSets ?? [], view.principal)) return undefined;
  const narrowed = narrowedView(listView, view.visible);
  if (!narrowed) return undefined;
  const { permissionSets: _sets, description: _note, ...shown } = narrowed;
  return shown;
}

/** A print template of an object the user may read: what the record page's Print menu needs, not its source. */
export function printTemplateForUser(template: PrintTemplateDefinition, view: UserView): Pick<PrintTemplateDefinition, 'name' | 'object' | 'label'> | undefined {
  if (!view.visible.object(template.object)) return undefined;
  return { name: template.name, object: template.object, ...(template.label ? { label: template.label } : {}) };
}

/** A report shown to the user on an object they may read; who else may run it stays the admins'. Running it applies their access. */
export function reportForUser(report: ReportDefinition, view: UserView): ReportDefinition | undefined {
  if (!shownTo(report.permissionSets ?? [], view.principal) || !view.visible.object(report.object)) return undefined;
  const { permissionSets: _sets, ...shown } = report;
  return shown;
}

/** A dashboard shown to the user, with the components whose reports they may run. */
export function dashboardForUser(dashboard: DashboardDefinition, view: UserView): DashboardDefinition | undefined {
  if (!shownTo(dashboard.permissionSets ?? [], view.principal)) return undefined;
  const runnable = (name: string) => {
    const report = view.full.reports.get(name);
    return report !== undefined && reportForUser(report.definition, view) !== undefined;
  };
  const { permissionSets: _sets, homeFor: _home, ...shown } = dashboard;
  return { ...shown, components: dashboard.components.filter((component) => runnable(component.report)) };
}

function layoutFieldName(entry: LayoutField): string {
  return typeof entry === 'string' ? entry : entry.field;
}

/** Whether a name is a field of the object that the view leaves out (system fields are never hidden). */
function hiddenNames(objectName: string, view: UserView): (name: string) => boolean {
  const object = view.visible.object(objectName);
  const all = view.full.object(objectName);
  return (name) => all?.field(name) !== undefined && object?.field(name) === undefined;
}
