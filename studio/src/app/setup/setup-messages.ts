import { approvalsMessages } from './approval-processes/approvals-messages';
import { explainAccessMessages } from './explain-access/explain-access-messages';
import { fieldEditorMessages } from './fields/field-editor-messages';
import { groupsMessages } from './groups/groups-messages';
import { layoutsMessages } from './layouts/layouts-messages';
import { iconMessages } from './objects/icon-messages';
import { permissionSetsMessages } from './permission-sets/permission-sets-messages';
import { objectsMessages } from './objects/objects-messages';
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
const PARTS = [setupFrameMessages, objectsMessages, iconMessages, fieldEditorMessages, validationRulesMessages, layoutsMessages, usersMessages, rolesMessages, groupsMessages, permissionSetsMessages, sharingRulesMessages, explainAccessMessages, approvalsMessages] as const;

type Union = (typeof PARTS)[number];
type Merged<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

export const setupMessages = {
  en: { setup: Object.assign({}, ...PARTS.map((part) => part.en)) as Merged<Union['en']> },
  zhCN: { setup: Object.assign({}, ...PARTS.map((part) => part.zhCN)) as Merged<Union['zhCN']> },
};

