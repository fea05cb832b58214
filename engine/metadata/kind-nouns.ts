import type { MetadataKind } from './definition-validator.js';
import { msg, type Message } from '../i18n/message.js';

/** How messages name one definition of each kind: "permission set sales_user", not "permissionSet sales_user". */
export const KIND_NOUNS: Readonly<Record<MetadataKind, Message>> = {
  object: msg`object`,
  layout: msg`layout`,
  currency: msg`currency`,
  role: msg`role`,
  group: msg`group`,
  permissionSet: msg`permission set`,
  sharingRule: msg`sharing rule`,
  approvalProcess: msg`approval process`,
  automationRule: msg`automation rule`,
  app: msg`app`,
  listView: msg`list view`,
};
