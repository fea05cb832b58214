import type { ErrorDetail } from '../errors/index.js';
import { createDefinitionAjv } from './create-ajv.js';
import { readableErrors } from './readable-errors.js';
import appSchema from '../schemas/app.schema.json' with { type: 'json' };
import approvalProcessSchema from '../schemas/approval-process.schema.json' with { type: 'json' };
import automationRuleSchema from '../schemas/automation-rule.schema.json' with { type: 'json' };
import currencySchema from '../schemas/currency.schema.json' with { type: 'json' };
import layoutSchema from '../schemas/layout.schema.json' with { type: 'json' };
import groupSchema from '../schemas/group.schema.json' with { type: 'json' };
import listViewSchema from '../schemas/list-view.schema.json' with { type: 'json' };
import objectSchema from '../schemas/object.schema.json' with { type: 'json' };
import permissionSetSchema from '../schemas/permission-set.schema.json' with { type: 'json' };
import roleSchema from '../schemas/role.schema.json' with { type: 'json' };
import sharingRuleSchema from '../schemas/sharing-rule.schema.json' with { type: 'json' };
import type { AppDefinition } from '../schemas/generated/app.js';
import type { ApprovalProcessDefinition } from '../schemas/generated/approval-process.js';
import type { AutomationRuleDefinition } from '../schemas/generated/automation-rule.js';
import type { CurrencyDefinition } from '../schemas/generated/currency.js';
import type { LayoutDefinition } from '../schemas/generated/layout.js';
import type { GroupDefinition } from '../schemas/generated/group.js';
import type { ListViewDefinition } from '../schemas/generated/list-view.js';
import type { ObjectDefinition } from '../schemas/generated/object.js';
import type { PermissionSetDefinition } from '../schemas/generated/permission-set.js';
import type { RoleDefinition } from '../schemas/generated/role.js';
import type { SharingRuleDefinition } from '../schemas/generated/sharing-rule.js';
import { msg } from '../i18n/message.js';

/**
 * The JSON Schema of every metadata kind, compiled once. Kinds to come (workflow, report ...) add
 * one schema file and one entry here; the registry and the history are already generic.
 */
const ajv = createDefinitionAjv();
const validators = {
  object: ajv.compile<ObjectDefinition>(objectSchema),
  layout: ajv.compile<LayoutDefinition>(layoutSchema),
  currency: ajv.compile<CurrencyDefinition>(currencySchema),
  role: ajv.compile<RoleDefinition>(roleSchema),
  group: ajv.compile<GroupDefinition>(groupSchema),
  permissionSet: ajv.compile<PermissionSetDefinition>(permissionSetSchema),
  sharingRule: ajv.compile<SharingRuleDefinition>(sharingRuleSchema),
  approvalProcess: ajv.compile<ApprovalProcessDefinition>(approvalProcessSchema),
  automationRule: ajv.compile<AutomationRuleDefinition>(automationRuleSchema),
  app: ajv.compile<AppDefinition>(appSchema),
  listView: ajv.compile<ListViewDefinition>(listViewSchema),
};

export type MetadataKind = keyof typeof validators;
export interface DefinitionOf {
  object: ObjectDefinition;
  layout: LayoutDefinition;
  currency: CurrencyDefinition;
  role: RoleDefinition;
  group: GroupDefinition;
  permissionSet: PermissionSetDefinition;
  sharingRule: SharingRuleDefinition;
  approvalProcess: ApprovalProcessDefinition;
  automationRule: AutomationRuleDefinition;
  app: AppDefinition;
  listView: ListViewDefinition;
}

export type AnyDefinition = DefinitionOf[MetadataKind];
export const METADATA_KINDS: readonly MetadataKind[] = ['object', 'layout', 'currency', 'role', 'group', 'permissionSet', 'sharingRule', 'approvalProcess', 'automationRule', 'app', 'listView'];

/** Checks a definition against its kind's schema: the definition typed, or every problem with its path. */
export function checkDefinition<K extends MetadataKind>(
  kind: K,
  candidate: unknown,
): { ok: true; definition: DefinitionOf[K] } | { ok: false; problems: ErrorDetail[] } {
  const validate = validators[kind];
  if (validate(candidate)) return { ok: true, definition: candidate as DefinitionOf[K] };
  return { ok: false, problems: readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a property of a ${kind} definition`, data: candidate }) };
}
