import type { Labels, ResolvedField, ResolvedMasterDetailField } from '../fields/index.js';
import type { Icon } from '../schemas/generated/common.js';

/** Who sees a record beside its owner (the org-wide default); a detail's records follow their master. */
export type SharingModel = 'private' | 'publicRead' | 'publicReadWrite' | 'controlledByParent';

/** An object as the engine runs it: every default filled, every reference checked, read only. */
export interface ResolvedObject {
  readonly name: string;
  readonly label: Labels;
  readonly pluralLabel: Labels;
  readonly description?: string;
  /** Its icon in the navigation and on its pages. */
  readonly icon: Icon;
  readonly fields: readonly ResolvedField[];
  readonly fieldsByName: ReadonlyMap<string, ResolvedField>;
  readonly sharing: SharingModel;
  /** Managers see and edit what the users in the roles below theirs own. */
  readonly grantAccessUsingHierarchy: boolean;
  /** The master-detail field whose master controls the record's access (the first, when there are two). */
  readonly master: ResolvedMasterDetailField | null;
}
