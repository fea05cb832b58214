import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { setupMessages } from '../../../studio/src/app/setup/setup-messages.js';
import { chooseOption } from './choose-option.js';
import { screenshot, type E2e } from './e2e-environment.js';
import type { Labelled, Language, ProofModel } from './proof-model.js';

/**
 * What the admin of the setup proof does, page by page, through the browser only: each step drives
 * a setup page the way that page's own spec does, and leaves a screenshot of it.
 */
export const SETUP_TEXT = {
  en: setupMessages.en.setup,
  'zh-CN': setupMessages.zhCN.setup,
} as const;
type Text = (typeof SETUP_TEXT)[Language];
type FieldType = keyof Text['fields']['types'];
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

export interface AdminPage {
  readonly env: E2e;
  readonly page: Page;
  readonly model: ProofModel;
  readonly text: Text;
}

/**
 * A screenshot named setup-proof-<name>, taken from the top of the page: a full-page capture of a
 * scrolled page draws the fixed header halfway down the image.
 */
export async function proofShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `setup-proof-${name}`);
}

const shot = ({ page, model }: AdminPage, step: string) => proofShot(page, `${step}-${model.language}`);

export async function definitionOf(env: E2e, kind: string, name: string): Promise<Record<string, any>> {
  const response = await env.engine.request('GET', `/api/v1/meta/${kind}/${name}`);
  expect(response.status, `${kind}/${name}: ${JSON.stringify(response.body)}`).to.equal(200);
  return response.body.definition;
}

/** A private object with hierarchy access (the form's default), from the object manager's form. */
export async function createObject(admin: AdminPage, object: { name: string; label: Labelled; plural: Labelled }, nameField: Labelled): Promise<void> {
  const { env, page, text } = admin;
  await page.goto(`${env.engine.url}/setup/objects`);
  await page.getByRole('button', { name: text.objects.new }).click();
  await page.waitForURL((url) => url.pathname === '/setup/objects/new');
  await page.locator('#labelEn').fill(object.label.en);
  await page.locator('#labelZh').fill(object.label.zh);
  await page.locator('#pluralEn').fill(object.plural.en);
  await page.locator('#pluralZh').fill(object.plural.zh);
  await page.locator('#name').fill(object.name);
  await page.locator('#nameFieldLabel').fill(nameField.en);
  await page.getByRole('radio', { name: text.object.sharingPrivate }).check();
  await page.getByRole('button', { name: text.object.create }).click();
  await page.waitForURL((url) => url.pathname === `/setup/objects/${object.name}`);
  await page.getByRole('heading', { level: 3, name: text.object.fields }).waitFor();
  // The object form names the record name field in English only: its Chinese label is given in the field editor.
  await page.locator('.setup-fields').getByRole('button', { name: nameField.en }).click();
  await page.locator('#field_labelZh').fill(nameField.zh);
  await page.locator('.ant-drawer-open').getByRole('button', { name: text.fieldEditor.save }).click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  await page.locator('.setup-fields tbody tr', { hasText: admin.model.shown(nameField) }).waitFor();
}

export interface FieldSpec {
  readonly labels: Labelled;
  readonly name: string;
  readonly type: FieldType;
  /** The type's own controls, once the type is picked. */
  readonly properties?: (page: Page) => Promise<void>;
}

/** A field from the field editor's drawer: labels, API name, type, the type's properties. */
export async function createField(admin: AdminPage, field: FieldSpec, screenshotAs?: string): Promise<void> {
  const { page, text } = admin;
  await page.getByRole('button', { name: text.fieldEditor.new }).click();
  await page.locator('#field_labelEn').fill(field.labels.en);
  await page.locator('#field_labelZh').fill(field.labels.zh);
  await page.locator('#field_name').fill(field.name);
  await chooseOption(page, page.locator('#field_type'), text.fields.types[field.type]);
  await field.properties?.(page);
  if (screenshotAs) await shot(admin, screenshotAs);
  await page.getByRole('button', { name: text.fieldEditor.create }).click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  await page
    .locator('.setup-fields tbody tr', {
      hasText: admin.model.shown(field.labels),
    })
    .waitFor();
}

/** Picklist values typed in the editor, in order. */
export function picklistValues(text: Text, values: readonly Labelled[]) {
  return async (page: Page) => {
    for (const [position, value] of values.entries()) {
      await page.getByRole('button', { name: text.fieldEditor.addValue }).click();
      await page
        .getByRole('textbox', {
          name: `${text.fieldEditor.valueLabelEn} ${position + 1}`,
        })
        .fill(value.en);
      await page
        .getByRole('textbox', {
          name: `${text.fieldEditor.valueLabelZh} ${position + 1}`,
        })
        .fill(value.zh);
    }
  };
}

/** A formula: its result type, then the expression typed into the code editor once its chunk is in. */
export function formula(text: Text, resultType: FieldType, expression: string) {
  return async (page: Page) => {
    await chooseOption(page, page.locator('#field_resultType'), text.fields.types[resultType]);
    await page.locator('.cm-content#field_expression').waitFor();
    await page.locator('#field_expression').fill(expression);
  };
}

/** A validation rule from the object's page: its condition in the code editor, its message on a field. */
export async function createValidationRule(admin: AdminPage, rule: { name: string; condition: string; message: Labelled; field: string }): Promise<void> {
  const { page, text } = admin;
  await page.getByRole('button', { name: text.validationRules.new }).click();
  await page.locator('#rule_name').fill(rule.name);
  await page.locator('.cm-content#rule_condition').waitFor();
  await page.locator('#rule_condition').fill(rule.condition);
  await page.locator('#rule_messageEn').fill(rule.message.en);
  await page.locator('#rule_messageZh').fill(rule.message.zh);
  await chooseOption(page, page.locator('#rule_field'), rule.field);
  await shot(admin, 'validation-rule');
  await page.getByRole('button', { name: text.validationRules.create }).click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: rule.name }).waitFor();
}

/** The default layout in two sections, fields added from the keyboard through each section's "Add field". */
export async function createLayout(admin: AdminPage, sections: readonly { title: Labelled; fields: readonly string[] }[]): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.layouts;
  await page.goto(`${env.engine.url}/setup/layouts`);
  await chooseOption(page, page.getByRole('combobox', { name: text.pickObject }), model.shown(model.request.label));
  await page.waitForURL((url) => url.pathname === '/setup/layouts/new');
  await page.locator('#layout_labelEn').fill(model.layout.label.en);
  await page.locator('#layout_labelZh').fill(model.layout.label.zh);
  await page.getByRole('switch', { name: text.isDefault }).click();
  for (const [index, section] of sections.entries()) {
    const position = index + 1;
    if (index > 0) await page.getByRole('button', { name: text.addSection }).click();
    await page.getByRole('textbox', { name: `${text.sectionTitleEn} ${position}` }).fill(section.title.en);
    await page.getByRole('textbox', { name: `${text.sectionTitleZh} ${position}` }).fill(section.title.zh);
    for (const field of section.fields) await chooseOption(page, page.getByRole('combobox', { name: `${text.addField} ${position}` }), field);
  }
  await page
    .locator('.layout-preview-form label', {
      hasText: sections.at(-1)!.fields.at(-1)!,
    })
    .waitFor();
  await shot(admin, 'layout');
  await page.getByRole('button', { name: text.create }).click();
  await page.waitForURL((url) => url.pathname === `/setup/layouts/${model.request.name}_layout`);
}

/** A shared list view of the request object: the object's first columns, the largest amounts first. */
export async function createListView(admin: AdminPage, sortBy: string): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.listViews;
  await page.goto(`${env.engine.url}/setup/list-views`);
  await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
  await chooseOption(page, page.locator('#list-views-object'), model.shown(model.request.plural));
  await page.waitForURL((url) => url.searchParams.get('object') === model.request.name);
  await page.getByRole('button', { name: text.new }).click();
  await page.locator('#labelEn').fill(model.listView.label.en);
  await page.locator('#labelZh').fill(model.listView.label.zh);
  await page.locator('#name').fill(model.listView.name);
  await chooseOption(page, page.locator('#sortField'), sortBy);
  await page.getByRole('radio', { name: text.descending }).check();
  await shot(admin, 'list-view');
  await page.getByRole('button', { name: text.create }).click();
  await page.waitForURL((url) => url.pathname === `/setup/list-views/${model.listView.name}`);
}

/** The roles finance ← manager ← requester, each created under its parent from the role form. */
export async function createRoles(admin: AdminPage): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.roles;
  await page.goto(`${env.engine.url}/setup/roles`);
  await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
  const chain = [model.roles.finance, model.roles.manager, model.roles.requester];
  for (const [index, role] of chain.entries()) {
    await page.getByRole('button', { name: text.new }).click();
    await page.locator('#labelEn').fill(role.label.en);
    await page.locator('#labelZh').fill(role.label.zh);
    await page.locator('#name').fill(role.name);
    const parent = chain[index - 1];
    if (parent) await chooseOption(page, page.locator('#reportsTo'), model.shown(parent.label));
    await page.getByRole('button', { name: text.create }).click();
    await page.locator('.ant-tree-treenode', { hasText: model.shown(role.label) }).waitFor();
  }
  // Drawn nested: finance, the manager one level in, the requester two.
  await page.waitForFunction(
    (labels) =>
      labels.map((label) => [...document.querySelectorAll('.ant-tree-treenode')].find((node) => node.textContent?.includes(label))?.querySelectorAll('.ant-tree-indent-unit').length).join() ===
      '0,1,2',
    chain.map((role) => model.shown(role.label)),
  );
  await shot(admin, 'roles');
}

/** The permission set: create, read and edit on the requests, read on their lines. */
export async function createPermissionSet(admin: AdminPage): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.permissionSets;
  await page.goto(`${env.engine.url}/setup/permission-sets`);
  await page.getByRole('button', { name: text.new }).click();
  await page.waitForURL((url) => url.pathname === '/setup/permission-sets/new');
  await page.locator('#labelEn').fill(model.permissionSet.label.en);
  await page.locator('#labelZh').fill(model.permissionSet.label.zh);
  await page.locator('#name').fill(model.permissionSet.name);
  const grant = async (plural: Labelled, rights: readonly (keyof Text['permissionSets']['rights'])[]) => {
    await page.getByRole('textbox', { name: text.searchObjects }).fill(model.shown(plural));
    for (const right of rights)
      await page
        .getByRole('checkbox', {
          name: fill(text.cell, {
            object: model.shown(plural),
            right: text.rights[right],
          }),
        })
        .check();
  };
  await grant(model.line.plural, ['read']);
  await grant(model.request.plural, ['create', 'read', 'edit']);
  await shot(admin, 'permission-set');
  await page.getByRole('button', { name: text.create }).click();
  await page.waitForURL((url) => url.pathname === `/setup/permission-sets/${model.permissionSet.name}`);
}

/** An app whose one tab is the requests, shown to the users of the permission set. */
export async function createApp(admin: AdminPage): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.apps;
  await page.goto(`${env.engine.url}/setup/apps`);
  await page.getByRole('button', { name: text.new }).click();
  await page.locator('#labelEn').fill(model.app.label.en);
  await page.locator('#labelZh').fill(model.app.label.zh);
  await page.locator('#name').fill(model.app.name);
  await chooseOption(page, page.getByRole('combobox', { name: text.addTab }), model.shown(model.request.plural));
  await page.getByRole('radio', { name: text.somePermissionSets }).check();
  await chooseOption(page, page.locator('#permissionSets'), model.shown(model.permissionSet.label));
  await page.keyboard.press('Escape');
  await shot(admin, 'app');
  await page.getByRole('button', { name: text.create }).click();
  await page.waitForURL((url) => url.pathname === `/setup/apps/${model.app.name}`);
}

/** A user with a role, the standard and the proof permission sets, the run's language and a password. */
export async function createUser(admin: AdminPage, person: { email: string; fullName: string }, role: Labelled, password: string, screenshotAs?: string): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.users;
  await page.goto(`${env.engine.url}/setup/users`);
  await page.getByRole('button', { name: text.new }).click();
  await page.waitForURL((url) => url.pathname === '/setup/users/new');
  await page.locator('#fullName').fill(person.fullName);
  await page.locator('#email').fill(person.email);
  await chooseOption(page, page.locator('#role'), model.shown(role));
  await chooseOption(page, page.locator('#permissionSets'), model.language === 'en' ? 'Standard user' : '标准用户');
  await chooseOption(page, page.locator('#permissionSets'), model.shown(model.permissionSet.label));
  await page.keyboard.press('Escape');
  await chooseOption(page, page.locator('#language'), model.language === 'en' ? 'English' : '简体');
  await page.locator('#password').fill(password);
  if (screenshotAs) await shot(admin, screenshotAs);
  await page.getByRole('button', { name: text.create }).click();
  await page.getByRole('heading', { level: 3, name: text.account }).waitFor();
}
