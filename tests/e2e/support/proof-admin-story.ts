import { expect } from 'chai';
import { chooseOption } from './choose-option.js';
import {
  createApp,
  createField,
  createLayout,
  createListView,
  createObject,
  createPermissionSet,
  createRoles,
  createUser,
  createValidationRule,
  definitionOf,
  formula,
  picklistValues,
  proofShot,
  type AdminPage,
} from './proof-setup-steps.js';
import type { Labelled } from './proof-model.js';

const bilingual = (label: Labelled) => ({ en: label.en, 'zh-CN': label.zh });

/** Adds an approval step from the designer's side panel: its labels, a role as approver, a condition if given. */
async function addStep(admin: AdminPage, step: { label: Labelled; role: string; condition?: string }): Promise<void> {
  const { page } = admin;
  const text = admin.text.approvals;
  await page.getByRole('button', { name: text.addStep }).click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.locator('.ant-drawer-title', { hasText: text.stepTitleNew }).waitFor();
  await page.locator('#step_labelEn').fill(step.label.en);
  await page.locator('#step_labelZh').fill(step.label.zh);
  await chooseOption(page, page.getByRole('combobox', { name: `${text.approverKind} 1`, exact: true }), text.kinds.role);
  await chooseOption(page, page.getByRole('combobox', { name: `${text.approverValue} 1`, exact: true }), step.role);
  // The code editor replaces the plain text area once its chunk is in: typed before that, the text would be lost.
  const condition = drawer.locator('.cm-content#step_condition');
  await condition.waitFor();
  if (step.condition) await condition.fill(step.condition);
  await drawer.getByRole('button', { name: text.saveStep }).click();
  await drawer.waitFor({ state: 'detached' });
  await page.locator('.approvals-step-list li', { hasText: admin.model.shown(step.label) }).waitFor();
}

/** Manager, then finance, then the director's step above the threshold (finance again); simulated for a large amount. */
async function designApproval(admin: AdminPage): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.approvals;
  await page.goto(`${env.engine.url}/setup/approval-processes`);
  await page.getByRole('button', { name: text.new }).click();
  await page.getByRole('heading', { level: 2, name: text.newTitle }).waitFor();
  await page.locator('#process_labelEn').fill(model.process.label.en);
  await page.locator('#process_labelZh').fill(model.process.label.zh);
  await page.locator('#process_name').fill(model.process.name);
  await chooseOption(page, page.locator('#process_object'), model.shown(model.request.label));
  await addStep(admin, { label: model.steps.manager, role: model.shown(model.roles.manager.label) });
  // The first step saves the process: the address becomes the process's own.
  await page.waitForURL((url) => url.pathname === `/setup/approval-processes/${model.process.name}`);
  await addStep(admin, { label: model.steps.finance, role: model.shown(model.roles.finance.label) });
  await addStep(admin, { label: model.steps.director, role: model.shown(model.roles.finance.label), condition: `amount > ${model.threshold}` });
  expect((await definitionOf(env, 'approval-processes', model.process.name)).steps).to.deep.equal([
    { name: 'proof_manager_step', label: bilingual(model.steps.manager), approvers: [{ role: model.roles.manager.name }] },
    { name: 'proof_finance_step', label: bilingual(model.steps.finance), approvers: [{ role: model.roles.finance.name }] },
    { name: 'proof_director_step', label: bilingual(model.steps.director), condition: `amount > ${model.threshold}`, approvers: [{ role: model.roles.finance.name }] },
  ]);

  await page.locator('#sample_amount').fill(String(model.threshold + 30000));
  await page.getByRole('button', { name: text.simulateRun }).click();
  await page.locator('.approvals-path-step').first().waitFor();
  const path = await page
    .locator('.approvals-path-step')
    .evaluateAll((nodes) => nodes.map((node) => `${node.querySelector('strong')?.textContent}:${node.classList.contains('is-entered') ? 'entered' : 'skipped'}`));
  expect(path).to.deep.equal([`${model.shown(model.steps.manager)}:entered`, `${model.shown(model.steps.finance)}:entered`, `${model.shown(model.steps.director)}:entered`]);
  // Each role names its one user: the simulation says who would be asked.
  await page.locator('.approvals-path-step', { hasText: model.people.manager.fullName }).waitFor();
  await page.locator('.approvals-path-step', { hasText: model.people.finance.fullName }).first().waitFor();
  await page.locator('.approvals-node-approved.is-lit').waitFor();
  await proofShot(page, `approval-simulated-${model.language}`);
}

/** The request's fields, the lines (its detail) and the roll-up and formula over them, and the validation rule. */
async function modelObjects(admin: AdminPage): Promise<void> {
  const { env, page, model, text } = admin;
  const { fields: f, shown } = model;
  await createObject(admin, model.request, f.title);
  await proofShot(page, `object-created-${model.language}`);
  await createField(admin, { labels: f.amount, name: 'amount', type: 'currency' });
  await createField(admin, { labels: f.category, name: 'category', type: 'picklist', properties: picklistValues(text, model.categories) }, 'field-picklist');
  await createField(admin, { labels: f.neededBy, name: 'needed_by', type: 'date' });
  await createField(admin, { labels: f.urgent, name: 'urgent', type: 'boolean' });
  await createField(admin, { labels: f.supplierEmail, name: 'supplier_email', type: 'email' });

  // The lines, a detail of the request, for its roll-up.
  await createObject(admin, model.line, { en: 'Item', zh: '项目' });
  await createField(admin, { labels: f.lineAmount, name: 'line_amount', type: 'currency' });
  const master = (p: AdminPage['page']) => chooseOption(p, p.locator('#field_target'), shown(model.request.label));
  await createField(admin, { labels: f.lineRequest, name: 'request', type: 'masterdetail', properties: master }, 'field-master-detail');
  // A detail: the object form no longer offers a sharing of its own, it says whose it follows.
  await page.locator('.setup-object-follows-master', { hasText: shown(model.request.label) }).waitFor();
  await proofShot(page, `detail-object-${model.language}`);

  await page.goto(`${env.engine.url}/setup/objects/${model.request.name}`);
  await page.getByRole('button', { name: text.fieldEditor.new }).waitFor();
  const rollup = async (p: AdminPage['page']) => {
    await chooseOption(p, p.locator('#field_child'), shown(model.line.label));
    await p.getByRole('radio', { name: text.fieldEditor.functions.sum }).check();
    await chooseOption(p, p.locator('#field_field'), shown(f.lineAmount));
  };
  await createField(admin, { labels: f.linesTotal, name: 'lines_total', type: 'rollup', properties: rollup }, 'field-rollup');
  await createField(admin, { labels: f.withTax, name: 'total_with_tax', type: 'formula', properties: formula(text, 'number', 'amount * 1.13') }, 'field-formula');
  await createValidationRule(admin, { name: model.rule.name, condition: 'amount <= 0', message: model.rule.message, field: shown(f.amount) });
  await proofShot(page, `object-${model.language}`);

  const request = await definitionOf(env, 'objects', model.request.name);
  expect(request).to.deep.include({ sharing: 'private', grantAccessUsingHierarchy: true });
  const types = request.fields.map((field: { name: string; type: string }) => `${field.name}:${field.type}`);
  expect(types).to.deep.equal(['name:text', 'amount:currency', 'category:picklist', 'needed_by:date', 'urgent:boolean', 'supplier_email:email', 'lines_total:rollup', 'total_with_tax:formula']);
  expect(request.fields[0].label).to.deep.equal({ en: f.title.en, 'zh-CN': f.title.zh });
  expect(request.fields.find((field: { name: string }) => field.name === 'lines_total')).to.deep.include({ child: model.line.name, function: 'sum', field: 'line_amount' });
  expect(request.validationRules).to.deep.equal([{ name: model.rule.name, condition: 'amount <= 0', message: { en: model.rule.message.en, 'zh-CN': model.rule.message.zh }, field: 'amount' }]);
  expect(await definitionOf(env, 'objects', model.line.name), 'a detail follows its master').to.not.have.property('sharing');
}

/** Everything the admin models, page after page, each checked by reading the definition it saved. */
export async function modelPurchaseRequests(admin: AdminPage): Promise<void> {
  const { env, page, model } = admin;
  const { fields: f, shown } = model;
  await modelObjects(admin);

  await createLayout(admin, [
    { title: model.layout.sections[0]!, fields: [shown(f.title), shown(f.amount), shown(f.category), shown(f.neededBy)] },
    { title: model.layout.sections[1]!, fields: [shown(f.urgent), shown(f.supplierEmail), shown(f.withTax)] },
  ]);
  const layout = await definitionOf(env, 'layouts', `${model.request.name}_layout`);
  expect(layout.sections.map((section: { fields: unknown[] }) => section.fields)).to.deep.equal([
    ['name', 'amount', 'category', 'needed_by'],
    ['urgent', 'supplier_email', 'total_with_tax'],
  ]);
  await createListView(admin, shown(f.amount));
  expect(await definitionOf(env, 'list-views', model.listView.name)).to.deep.include({ object: model.request.name, sort: ['-amount'] });
  await createRoles(admin);
  expect(await definitionOf(env, 'roles', model.roles.requester.name)).to.have.property('reportsTo', model.roles.manager.name);
  expect(await definitionOf(env, 'roles', model.roles.manager.name)).to.have.property('reportsTo', model.roles.finance.name);
  await createPermissionSet(admin);
  expect((await definitionOf(env, 'permission-sets', model.permissionSet.name)).objects).to.deep.equal({
    [model.request.name]: { create: true, read: true, edit: true },
    [model.line.name]: { read: true },
  });
  await createApp(admin);
  expect(await definitionOf(env, 'apps', model.app.name)).to.deep.include({ tabs: [{ page: '/' }, { object: model.request.name }], permissionSets: [model.permissionSet.name] });
  const { requester, manager, finance } = model.people;
  await createUser(admin, finance, model.roles.finance.label, env.users.password);
  await createUser(admin, manager, model.roles.manager.label, env.users.password);
  await createUser(admin, requester, model.roles.requester.label, env.users.password, 'user-new');
  await proofShot(page, `user-${model.language}`);
  await designApproval(admin);
}
