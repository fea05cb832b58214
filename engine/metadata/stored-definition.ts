import { assertNever } from '../errors/assert-never.js';
import type { AnyDefinition, MetadataKind } from './definition-validator.js';
import type { Snapshot } from './snapshot.js';

/** A definition as the snapshot keeps it, by kind and name; undefined when there is none. */
export function storedDefinition(snapshot: Snapshot, kind: MetadataKind, name: string): AnyDefinition | undefined {
  switch (kind) {
    case 'object':
      return snapshot.object(name)?.definition;
    case 'layout':
      return snapshot.layout(name)?.definition;
    case 'currency':
      return snapshot.currencies.definitions.get(name);
    case 'role':
      return snapshot.security.roles.get(name)?.definition;
    case 'group':
      return snapshot.security.groups.get(name)?.definition;
    case 'permissionSet':
      return snapshot.security.permissionSets.get(name)?.definition;
    case 'sharingRule':
      return snapshot.security.sharingRules.get(name)?.definition;
    case 'approvalProcess':
      return snapshot.approvalProcesses.get(name)?.definition;
    case 'automationRule':
      return snapshot.automationRules.get(name)?.definition;
    case 'app':
      return snapshot.apps.get(name)?.definition;
    case 'listView':
      return snapshot.listViews.get(name)?.definition;
    default:
      return assertNever(kind, 'metadata kind');
  }
}
