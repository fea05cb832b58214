import { appsMessages } from './apps/apps-messages';
import { reportsMessages } from './reports/reports-messages';
import { dashboardsMessages } from './dashboards/dashboards-messages';
import { automationMessages } from './automation/automation-messages';
import { assignmentMessages } from './assignment/assignment-messages';
import { auditMessages } from './audit/audit-messages';
import { historyMessages } from './history/history-messages';
import { approvalsMessages } from './approval-processes/approvals-messages';
import { explainAccessMessages } from './explain-access/explain-access-messages';
import { expressionMessages } from './expressions/expression-messages';
import { fieldDefaultMessages } from './fields/field-default-messages';
import { fieldDependencyMessages } from './fields/field-dependency-messages';
import { fieldEditorMessages } from './fields/field-editor-messages';
import { groupsMessages } from './groups/groups-messages';
import { jobsMessages } from './jobs/jobs-messages';
import { packsMessages } from './packs/packs-messages';
import { layoutsMessages } from './layouts/layouts-messages';
import { listViewsMessages } from './list-views/list-views-messages';
import { iconMessages } from './objects/icon-messages';
import { printTemplatesMessages } from './print-templates/print-templates-messages';
import { webhooksMessages } from './webhooks/webhooks-messages';
import { permissionSetsMessages } from './permission-sets/permission-sets-messages';
import { objectsMessages } from './objects/objects-messages';
import { orderedListMessages } from './ordered-list-messages';
import { rolesMessages } from './roles/roles-messages';
import { setupFrameMessages } from './setup-frame-messages';
import { sharingRulesMessages } from './sharing-rules/sharing-rules-messages';
import { usersMessages } from './users/users-messages';
import { validationRulesMessages } from './validation-rules/validation-rules-messages';

/**
 * The setup area's texts under `setup.`, one file per page beside it; they load with the setup
 * chunk (and the record page's access panel), so end users never download them; pass them to
 * `addMessages` before rendering. A page's messages are added here in one line.
 */
// One part per line: pages built side by side add theirs without touching another's.
const PARTS = [
  setupFrameMessages,
  objectsMessages,
  iconMessages,
  fieldEditorMessages,
  fieldDependencyMessages,
  fieldDefaultMessages,
  validationRulesMessages,
  layoutsMessages,
  usersMessages,
  rolesMessages,
  groupsMessages,
  permissionSetsMessages,
  sharingRulesMessages,
  explainAccessMessages,
  jobsMessages,
  packsMessages,
  listViewsMessages,
  appsMessages,
  orderedListMessages,
  automationMessages,
  assignmentMessages,
  auditMessages,
  historyMessages,
  expressionMessages,
  approvalsMessages,
  printTemplatesMessages,
  reportsMessages,
  dashboardsMessages,
  webhooksMessages,
] as const;

type Union = (typeof PARTS)[number];
type Merged<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

export const setupMessages = {
  en: { setup: Object.assign({}, ...PARTS.map((part) => part.en)) as Merged<Union['en']> },
  zhCN: { setup: Object.assign({}, ...PARTS.map((part) => part.zhCN)) as Merged<Union['zhCN']> },
};

