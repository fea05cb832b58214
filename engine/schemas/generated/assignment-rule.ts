/* Generated from assignment-rule.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, Expression, LocalizedText, UserId} from './common.js';

/**
 * Exactly one of: a user; a queue (a group that owns the record: its members see it and may take it); the members of a group or queue in turn (round robin, the turn kept in the store).
 *
 * This interface was referenced by `AssignmentRuleDefinition`'s JSON-Schema
 * via the `definition` "Assignee".
 */
export type Assignee =
  | {
      user: UserId;
    }
  | {
      /**
       * A group: the record is owned by the queue until a member takes it.
       */
      queue: ApiName;
    }
  | {
      /**
       * A group: its active members (users named, and users of its roles), each in turn.
       */
      roundRobin: ApiName;
    };

/**
 * Who owns the new records of an object: ordered entries, each a condition and an owner (a user, a queue, or the next member of a group or queue in turn). When a record is created, the first entry whose condition it matches gives its owner; the object's assignment rules are tried by order, then name. A record no entry matches keeps its creator as owner. The same rules run again on a record when a user asks to re-assign it.
 */
export interface AssignmentRuleDefinition {
  /**
   * API name of the rule, unique in the tenant.
   */
  name: ApiName;
  label?: LocalizedText;
  description?: string;
  /**
   * The object whose new records it assigns.
   */
  object: ApiName;
  /**
   * Default true.
   */
  active?: boolean;
  /**
   * The object's rules are tried by order, then by name. Default 0.
   */
  order?: number;
  /**
   * Tried in order; the first whose condition the record matches assigns it.
   *
   * @minItems 1
   * @maxItems 100
   */
  entries: [Entry, ...Entry[]];
}
/**
 * This interface was referenced by `AssignmentRuleDefinition`'s JSON-Schema
 * via the `definition` "Entry".
 */
export interface Entry {
  /**
   * JSONata over the new record, e.g. region = 'east'. Default: every record.
   */
  condition?: Expression;
  assignTo: Assignee;
}
