import type { MetadataKind } from './definition-validator.js';

/** How messages name one definition of each kind: "permission set sales_user", not "permissionSet sales_user". */
export const KIND_NOUNS: Readonly<Record<MetadataKind, string>> = {
  object: 'object',
  layout: 'layout',
  currency: 'currency',
  role: 'role',
  group: 'group',
  permissionSet: 'permission set',
  sharingRule: 'sharing rule',
  approvalProcess: 'approval process',
  automationRule: 'automation rule',
};
