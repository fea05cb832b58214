import { expect } from "chai";
import type { Page } from "playwright-core";
import { chooseOption } from "./support/choose-option.js";
import {
  e2e,
  screenshot,
  seriousViolations,
  signedInPage,
  type E2e,
} from "./support/e2e-environment.js";
import {
  proofModel,
  type Language,
  type ProofModel,
} from "./support/proof-model.js";
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
  fill,
  formula,
  picklistValues,
  SETUP_TEXT,
  type AdminPage,
} from "./support/proof-setup-steps.js";

/**
 * The proof of issue 12: an admin models a purchase request end to end in the browser (objects,
 * fields, formula, roll-up, validation rule, layout, list view, roles, permission set, app, users,
 * approval process with its simulation), then the requester submits from the app, the manager and
 * finance approve from their inboxes and explain access says why the manager sees the record. The
 * test calls the API only to read what the pages did.
 */
const LANGUAGES: readonly Language[] = ["en", "zh-CN"];
/** The record page and inbox texts of the end-user app. */
const APP_TEXT = {
  en: {
    new: "New",
    create: "Create",
    submit: "Submit for approval",
    approve: "Approve",
    pending: "Pending",
    approved: "Approved",
  },
  "zh-CN": {
    new: "新建",
    create: "创建",
    submit: "提交审批",
    approve: "批准",
    pending: "审批中",
    approved: "已批准",
  },
} as const;
/** Above the threshold: the conditional third step is entered, so finance decides twice. */
const AMOUNT = 60000;

/** Runs a part of the story; where it stopped is kept as a screenshot for whoever reads the failure. */
async function shootingOnFailure<T>(
  page: Page,
  name: string,
  part: () => Promise<T>,
): Promise<T> {
  try {
    return await part();
  } catch (error) {
    await screenshot(page, `setup-proof-failed-${name}`).catch(() => undefined);
    throw error;
  }
}

/** Adds an approval step from the designer's side panel: its English label, a role as approver, a condition if given. */
async function addStep(
  admin: AdminPage,
  step: { label: string; role: string; condition?: string },
): Promise<void> {
  const { page } = admin;
  const text = admin.text.approvals;
  await page.getByRole("button", { name: text.addStep }).click();
  const drawer = page.locator(".ant-drawer-open");
  await drawer
    .locator(".ant-drawer-title", { hasText: text.stepTitleNew })
    .waitFor();
  await page.locator("#step_labelEn").fill(step.label);
  await chooseOption(
    page,
    page.getByRole("combobox", { name: `${text.approverKind} 1`, exact: true }),
    text.kinds.role,
  );
  await chooseOption(
    page,
    page.getByRole("combobox", {
      name: `${text.approverValue} 1`,
      exact: true,
    }),
    step.role,
  );
  // The code editor replaces the plain text area once its chunk is in: typed before that, the text would be lost.
  const condition = drawer.locator(".cm-content#step_condition");
  await condition.waitFor();
  if (step.condition) await condition.fill(step.condition);
  await drawer.getByRole("button", { name: text.saveStep }).click();
  await drawer.waitFor({ state: "detached" });
  await page
    .locator(".approvals-step-list li", { hasText: step.label })
    .waitFor();
}

/** Manager, then finance, then the director's step above the threshold; simulated for a large amount. */
async function designApproval(admin: AdminPage): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.approvals;
  await page.goto(`${env.engine.url}/setup/approval-processes`);
  await page.getByRole("button", { name: text.new }).click();
  await page.getByRole("heading", { level: 2, name: text.newTitle }).waitFor();
  await page.locator("#process_labelEn").fill(model.process.label.en);
  await page.locator("#process_labelZh").fill(model.process.label.zh);
  await page.locator("#process_name").fill(model.process.name);
  await chooseOption(
    page,
    page.locator("#process_object"),
    model.shown(model.request.label),
  );
  await addStep(admin, {
    label: model.steps.manager,
    role: model.shown(model.roles.manager.label),
  });
  await page.waitForURL(
    (url) => url.pathname === `/setup/approval-processes/${model.process.name}`,
  );
  await addStep(admin, {
    label: model.steps.finance,
    role: model.shown(model.roles.finance.label),
  });
  await addStep(admin, {
    label: model.steps.director,
    role: model.shown(model.roles.finance.label),
    condition: `amount > ${model.threshold}`,
  });

  await page.locator("#sample_amount").fill(String(model.threshold + 30000));
  await page.getByRole("button", { name: text.simulateRun }).click();
  await page.locator(".approvals-path-step").first().waitFor();
  const path = await page
    .locator(".approvals-path-step")
    .evaluateAll((nodes) =>
      nodes.map(
        (node) =>
          `${node.querySelector("strong")?.textContent}:${node.classList.contains("is-entered") ? "entered" : "skipped"}`,
      ),
    );
  expect(path).to.deep.equal([
    `${model.steps.manager}:entered`,
    `${model.steps.finance}:entered`,
    `${model.steps.director}:entered`,
  ]);
  // The role names its one user: the simulation says who would be asked.
  await page
    .locator(".approvals-path-step", { hasText: model.people.manager.fullName })
    .waitFor();
  await page.locator(".approvals-node-approved.is-lit").waitFor();
  await screenshot(page, `setup-proof-approval-simulated-${model.language}`);
}

/** Everything the admin models, page after page. */
async function model(admin: AdminPage): Promise<void> {
  const { env, page, model, text } = admin;
  const f = model.fields;
  const shown = model.shown;
  await createObject(admin, model.request, f.title);
  await screenshot(page, `setup-proof-object-created-${model.language}`);
  await createField(admin, {
    labels: f.amount,
    name: "amount",
    type: "currency",
  });
  await createField(
    admin,
    {
      labels: f.category,
      name: "category",
      type: "picklist",
      properties: picklistValues(text, model.categories),
    },
    "field-picklist",
  );
  await createField(admin, {
    labels: f.neededBy,
    name: "needed_by",
    type: "date",
  });
  await createField(admin, {
    labels: f.urgent,
    name: "urgent",
    type: "boolean",
  });
  await createField(admin, {
    labels: f.supplierEmail,
    name: "supplier_email",
    type: "email",
  });

  // The lines, a detail of the request, for its roll-up.
  await createObject(admin, model.line, { en: "Item", zh: "项目" });
  await createField(admin, {
    labels: f.lineAmount,
    name: "line_amount",
    type: "currency",
  });
  await createField(
    admin,
    {
      labels: f.lineRequest,
      name: "request",
      type: "masterdetail",
      properties: (p) =>
        chooseOption(p, p.locator("#field_target"), shown(model.request.label)),
    },
    "field-master-detail",
  );

  await page.goto(`${env.engine.url}/setup/objects/${model.request.name}`);
  await page.getByRole("button", { name: text.fieldEditor.new }).waitFor();
  await createField(
    admin,
    {
      labels: f.linesTotal,
      name: "lines_total",
      type: "rollup",
      properties: async (p) => {
        await chooseOption(
          p,
          p.locator("#field_child"),
          shown(model.line.label),
        );
        await p
          .getByRole("radio", { name: text.fieldEditor.functions.sum })
          .check();
        await chooseOption(p, p.locator("#field_field"), shown(f.lineAmount));
      },
    },
    "field-rollup",
  );
  await createField(
    admin,
    {
      labels: f.withTax,
      name: "total_with_tax",
      type: "formula",
      properties: formula(text, "number", "amount * 1.13"),
    },
    "field-formula",
  );
  await createValidationRule(admin, {
    name: model.rule.name,
    condition: "amount <= 0",
    message: model.rule.message,
    field: shown(f.amount),
  });
  await screenshot(page, `setup-proof-object-${model.language}`);

  const request = await definitionOf(env, "objects", model.request.name);
  expect(request).to.deep.include({
    sharing: "private",
    grantAccessUsingHierarchy: true,
  });
  expect(
    request.fields.map(
      (field: { name: string; type: string }) => `${field.name}:${field.type}`,
    ),
  ).to.deep.equal([
    "name:text",
    "amount:currency",
    "category:picklist",
    "needed_by:date",
    "urgent:boolean",
    "supplier_email:email",
    "lines_total:rollup",
    "total_with_tax:formula",
  ]);
  expect(
    request.fields.find(
      (field: { name: string }) => field.name === "lines_total",
    ),
  ).to.deep.include({
    child: model.line.name,
    function: "sum",
    field: "line_amount",
  });
  expect(request.validationRules).to.deep.equal([
    {
      name: model.rule.name,
      condition: "amount <= 0",
      message: { en: model.rule.message.en, "zh-CN": model.rule.message.zh },
      field: "amount",
    },
  ]);

  await createLayout(admin, [
    {
      title: model.layout.sections[0]!,
      fields: [
        shown(f.title),
        shown(f.amount),
        shown(f.category),
        shown(f.neededBy),
      ],
    },
    {
      title: model.layout.sections[1]!,
      fields: [shown(f.urgent), shown(f.supplierEmail), shown(f.withTax)],
    },
  ]);
  expect(
    (
      await definitionOf(env, "layouts", `${model.request.name}_layout`)
    ).sections.map((section: { fields: unknown[] }) => section.fields),
  ).to.deep.equal([
    ["name", "amount", "category", "needed_by"],
    ["urgent", "supplier_email", "total_with_tax"],
  ]);
  await createListView(admin, shown(f.amount));
  expect(
    await definitionOf(env, "list-views", model.listView.name),
  ).to.deep.include({ object: model.request.name, sort: ["-amount"] });
  await createRoles(admin);
  expect(
    await definitionOf(env, "roles", model.roles.requester.name),
  ).to.have.property("reportsTo", model.roles.manager.name);
  expect(
    await definitionOf(env, "roles", model.roles.manager.name),
  ).to.have.property("reportsTo", model.roles.finance.name);
  await createPermissionSet(admin);
  expect(
    (await definitionOf(env, "permission-sets", model.permissionSet.name))
      .objects,
  ).to.deep.equal({
    [model.request.name]: { create: true, read: true, edit: true },
    [model.line.name]: { read: true },
  });
  await createApp(admin);
  expect(await definitionOf(env, "apps", model.app.name)).to.deep.include({
    tabs: [{ page: "/" }, { object: model.request.name }],
    permissionSets: [model.permissionSet.name],
  });
  const { requester, manager, finance } = model.people;
  await createUser(
    admin,
    finance,
    model.roles.finance.label,
    env.users.password,
  );
  await createUser(
    admin,
    manager,
    model.roles.manager.label,
    env.users.password,
  );
  await createUser(
    admin,
    requester,
    model.roles.requester.label,
    env.users.password,
    "user-new",
  );
  await screenshot(page, `setup-proof-user-${model.language}`);
  await designApproval(admin);
}

/** The requester creates a request through the app's form (refused once by the rule) and submits it. */
async function submitRequest(
  env: E2e,
  model: ProofModel,
  title: string,
): Promise<string> {
  const text = APP_TEXT[model.language];
  const { context, page, problems } = await signedInPage(
    env,
    model.people.requester.email,
    "/",
  );
  try {
    return await shootingOnFailure(
      page,
      `requester-${model.language}`,
      async () => {
        await page
          .getByRole("navigation", { name: model.shown(model.app.label) })
          .getByRole("link", { name: model.shown(model.request.plural) })
          .click();
        await page
          .getByRole("heading", {
            level: 2,
            name: model.shown(model.request.plural),
          })
          .waitFor();
        await page
          .locator(".page-header")
          .getByRole("button", { name: text.new })
          .click();
        await page.waitForURL(
          (url) => url.pathname === `/o/${model.request.name}/new`,
        );
        await page
          .getByText(model.shown(model.layout.sections[1]!), { exact: true })
          .first()
          .waitFor();
        await page.locator("#root_name").fill(title);
        await page.locator("#root_amount").fill("0");
        await page.locator("#root_category").click();
        await page
          .locator(".ant-select-dropdown:visible .ant-select-item-option", {
            hasText: model.shown(model.categories[0]!),
          })
          .click();
        await page.locator("#root_urgent").check();
        await page
          .getByRole("button", { name: text.create, exact: true })
          .click();
        // The validation rule refuses a zero amount, under the amount.
        await page.getByText(model.shown(model.rule.message)).first().waitFor();
        await screenshot(page, `setup-proof-app-refused-${model.language}`);
        await page.locator("#root_amount").fill(String(AMOUNT));
        await page
          .getByRole("button", { name: text.create, exact: true })
          .click();
        await page.waitForURL(
          new RegExp(`/o/${model.request.name}/[0-9a-f]{24}$`),
        );
        const id = new URL(page.url()).pathname.split("/").pop()!;

        const panel = page.locator(".approval-panel");
        await panel.getByRole("button", { name: text.submit }).click();
        const dialog = page.getByRole("dialog");
        await dialog
          .locator("#approval-comment")
          .fill("New laptops for the team");
        await dialog
          .getByRole("button", { name: text.submit, exact: true })
          .click();
        await panel
          .locator(".approval-status")
          .filter({ hasText: text.pending })
          .waitFor();
        await panel.getByText(model.people.manager.fullName).first().waitFor();
        await screenshot(page, `setup-proof-app-submitted-${model.language}`);
        expect(
          await seriousViolations(page),
          "axe on the submitted request",
        ).to.deep.equal([]);
        expect(
          problems.filter((problem) => !problem.includes("422")),
        ).to.deep.equal([]);
        return id;
      },
    );
  } finally {
    await context.close();
  }
}

/** An approver approves each of the given steps of the request from their inbox, in turn. */
async function approveFromInbox(
  env: E2e,
  model: ProofModel,
  email: string,
  title: string,
  steps: readonly string[],
): Promise<void> {
  const text = APP_TEXT[model.language];
  const { context, page, problems } = await signedInPage(
    env,
    email,
    "/approvals",
  );
  try {
    await shootingOnFailure(page, `approver-${model.language}`, async () => {
      for (const step of steps) {
        const row = page
          .locator("tr")
          .filter({ hasText: title })
          .filter({ hasText: step });
        await row.waitFor();
        await row.getByText(model.people.requester.fullName).waitFor();
        await screenshot(
          page,
          `setup-proof-inbox-${step.replace(/\W+/g, "-").toLowerCase()}-${model.language}`,
        );
        expect(await seriousViolations(page), "axe on the inbox").to.deep.equal(
          [],
        );
        await row
          .getByRole("button", { name: `${text.approve}: ${title}` })
          .click();
        const dialog = page.getByRole("dialog");
        await dialog.locator("#approval-comment").fill(`${step}: approved`);
        await dialog
          .getByRole("button", { name: text.approve, exact: true })
          .click();
        await row.waitFor({ state: "detached" });
      }
      expect(problems).to.deep.equal([]);
    });
  } finally {
    await context.close();
  }
}

/** Setup → Explain access, for the manager and the requester's record: the role above the owner. */
async function explainManagerAccess(
  admin: AdminPage,
  id: string,
  title: string,
): Promise<void> {
  const { env, page, model } = admin;
  const text = admin.text.explain;
  await page.goto(`${env.engine.url}/setup/explain-access`);
  const option = page.locator(
    ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option",
  );
  await page
    .getByRole("combobox", { name: text.pickUser })
    .fill(model.people.manager.fullName.slice(0, 4));
  await option.filter({ hasText: model.people.manager.fullName }).click();
  await page
    .getByRole("combobox", { name: text.object })
    .fill(model.shown(model.request.label));
  await option
    .filter({
      hasText: `${model.shown(model.request.label)} · ${model.request.name}`,
    })
    .click();
  await page
    .getByRole("combobox", { name: text.record })
    .fill(title.slice(0, 8));
  await option.filter({ hasText: title }).click();
  await page.getByRole("heading", { name: text.can.read }).waitFor();
  const reason = fill(text.reasons.roleHierarchy, {
    user: model.people.manager.fullName,
    link: model.shown(model.roles.manager.label),
    ownerRole: model.shown(model.roles.requester.label),
  });
  expect(
    await page
      .locator(".access-allowed .access-reasons li")
      .first()
      .innerText(),
  ).to.equal(reason);
  await screenshot(page, `setup-proof-explain-access-${model.language}`);
  expect(new URL(page.url()).searchParams.get("record")).to.equal(id);
}

describe("browser: the setup proof, from an empty model to an approved purchase request", function () {
  for (const language of LANGUAGES) {
    it(`models purchase requests in setup, simulates the approval, and the request is submitted, approved by manager and finance, and explained (${language})`, async function () {
      this.timeout(400_000);
      const env = await e2e();
      const proof = proofModel(language);
      const title =
        language === "en"
          ? "Proof laptops for the design team"
          : "验证：设计团队的笔记本电脑";
      const admin = await signedInPage(
        env,
        env.users[language],
        "/setup/objects",
      );
      const adminPage: AdminPage = {
        env,
        page: admin.page,
        model: proof,
        text: SETUP_TEXT[language],
      };
      try {
        await shootingOnFailure(admin.page, `admin-${language}`, () =>
          model(adminPage),
        );
        expect(
          admin.problems.filter(
            (problem) => !/\b(400|409|422)\b/.test(problem),
          ),
        ).to.deep.equal([]);
      } finally {
        await admin.context.close();
      }

      const id = await submitRequest(env, proof, title);
      await approveFromInbox(env, proof, proof.people.manager.email, title, [
        proof.steps.manager,
      ]);
      await approveFromInbox(env, proof, proof.people.finance.email, title, [
        proof.steps.finance,
        proof.steps.director,
      ]);
      expect(
        (
          await env.engine.request(
            "GET",
            `/api/v1/records/${proof.request.name}/${id}/approval`,
          )
        ).body.status,
      ).to.equal("approved");

      const back = await signedInPage(
        env,
        proof.people.requester.email,
        `/o/${proof.request.name}/${id}`,
      );
      try {
        const panel = back.page.locator(".approval-panel");
        await panel
          .locator(".approval-status")
          .filter({ hasText: APP_TEXT[language].approved })
          .waitFor();
        await panel
          .locator(".approval-history-approve")
          .getByText(proof.people.finance.fullName)
          .first()
          .waitFor();
        await screenshot(back.page, `setup-proof-app-approved-${language}`);
        expect(
          await seriousViolations(back.page),
          "axe on the approved request",
        ).to.deep.equal([]);
        expect(back.problems).to.deep.equal([]);
      } finally {
        await back.context.close();
      }

      const explainer = await signedInPage(
        env,
        env.users[language],
        "/setup/explain-access",
      );
      try {
        await explainManagerAccess(
          { ...adminPage, page: explainer.page },
          id,
          title,
        );
        expect(
          await seriousViolations(explainer.page),
          "axe on explain access",
        ).to.deep.equal([]);
      } finally {
        await explainer.context.close();
      }
    });
  }
});
