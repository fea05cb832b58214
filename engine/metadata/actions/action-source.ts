import type { Labels } from '../../fields/index.js';
import type { CompiledExpression } from '../../formula/index.js';

/** What owns the actions: an approval process or an automation rule, with its compiled expressions. */
export interface ActionSource {
  readonly object: string;
  readonly name: string;
  /** How e-mails name it ({{process}}), in each recipient's language. */
  readonly label: Labels;
  readonly expressions: ReadonlyMap<string, CompiledExpression>;
}
