import type { Labels, ResolvedField } from '../fields/index.js';

/** An object as the engine runs it: every default filled, every reference checked, read only. */
export interface ResolvedObject {
  readonly name: string;
  readonly label: Labels;
  readonly pluralLabel: Labels;
  readonly description?: string;
  readonly fields: readonly ResolvedField[];
  readonly fieldsByName: ReadonlyMap<string, ResolvedField>;
}
