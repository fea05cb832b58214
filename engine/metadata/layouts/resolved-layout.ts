import type { Labels } from '../../fields/index.js';
import type { LayoutDefinition } from '../../schemas/generated/layout.js';

export interface ResolvedLayoutField {
  readonly field: string;
  /** Required on this layout: the field's own flag or the layout's override. */
  readonly required: boolean;
  readonly readOnly: boolean;
}

export interface ResolvedSection {
  readonly title: Labels | undefined;
  readonly columns: 1 | 2;
  readonly collapsed: boolean;
  readonly fields: readonly ResolvedLayoutField[];
}

export interface ResolvedRelatedList {
  readonly object: string;
  /** The child's field pointing at the layout's object. */
  readonly field: string;
  readonly columns: readonly string[];
  readonly label: Labels;
}

/** A layout as the engine runs it: every reference checked, every default filled. */
export interface ResolvedLayout {
  readonly definition: LayoutDefinition;
  readonly name: string;
  readonly object: string;
  readonly label: Labels;
  readonly isDefault: boolean;
  /** The roles whose users get this layout when they ask for none. */
  readonly roles: readonly string[];
  readonly sections: readonly ResolvedSection[];
  readonly relatedLists: readonly ResolvedRelatedList[];
}
