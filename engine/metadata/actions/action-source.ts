import type { CompiledExpression } from '../../formula/index.js';

/** What owns the actions: an approval process or an automation rule, with its compiled expressions. */
export interface ActionSource {
  readonly object: string;
  readonly name: string;
  /** How e-mails name it. */
  readonly label: string;
  readonly expressions: ReadonlyMap<string, CompiledExpression>;
}
