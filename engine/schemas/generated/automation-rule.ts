/* Generated from automation-rule.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, ApprovalAction, Expression, LocalizedText} from './common.js';

/**
 * A record-triggered rule: when a record of the object is created or updated and the condition becomes true, run the actions (set fields, send an e-mail, call a webhook, create a related record). Each rule fires at most once per write, so a rule's own field changes never re-trigger it; rules run in order, and records they create run their own rules up to a depth limit.
 */
export interface AutomationRuleDefinition {
  /**
   * API name of the rule, unique in the tenant.
   */
  name: ApiName;
  label?: LocalizedText;
  description?: string;
  /**
   * The object whose writes trigger the rule.
   */
  object: ApiName;
  /**
   * Default true.
   */
  active?: boolean;
  /**
   * Rules of an object run by order, then by name. Default 0.
   */
  order?: number;
  /**
   * Which writes trigger the rule. Default createOrUpdate.
   */
  on?: 'create' | 'update' | 'createOrUpdate';
  /**
   * JSONata over the record: the rule fires when this becomes true (true after the write and, on an update, false before it). Default: always true, so the rule fires on create only, or on every update with on: update.
   */
  condition?: Expression;
  /**
   * What to do, in order.
   *
   * @minItems 1
   * @maxItems 20
   */
  actions: [ApprovalAction, ...ApprovalAction[]];
}
