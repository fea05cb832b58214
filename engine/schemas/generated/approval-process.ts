/* Generated from approval-process.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {Actions, ApiName, Duration, Expression, LocalizedText, UserId} from './common.js';

/**
 * Exactly one of: a user, the users of a role, the submitter's manager, the user a lookup field of the record names, or the members of a group (a queue).
 *
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Approver".
 */
export type Approver =
  | {
      user: UserId;
    }
  | {
      role: ApiName;
    }
  | {
      submitterManager: true;
    }
  | {
      field: ApiName;
    }
  | {
      queue: ApiName;
    };

/**
 * An approval process on an object: who may submit which records, the ordered steps with their approvers, and what happens on submit, on each step, on approval, rejection and recall. Compiled to an XState machine; a record in process stays on the version it was submitted under.
 */
export interface ApprovalProcessDefinition {
  /**
   * API name of the process, unique in the tenant, e.g. purchase_request_approval.
   */
  name: ApiName;
  label?: LocalizedText;
  description?: string;
  /**
   * The object whose records go through the process.
   */
  object: ApiName;
  /**
   * Only an active process takes new submissions; records already in process finish either way. Default true.
   */
  active?: boolean;
  /**
   * When several active processes of an object admit a record, the lowest order takes it. Default 0, then by name.
   */
  order?: number;
  /**
   * Which records the process takes (JSONata over the record, true to admit), e.g. amount > 1000. Default: every record.
   */
  entryCriteria?: Expression;
  /**
   * Who may submit a record. Default: its owner. Administrators (modify all) always may.
   */
  submitters?: {
    /**
     * The record's owner. Default true.
     */
    owner?: boolean;
    /**
     * @maxItems 50
     */
    roles?: ApiName[];
    /**
     * @maxItems 200
     */
    users?: UserId[];
  };
  /**
   * Older spelling of lock: false leaves the record unlocked at every stage, true is the default lock. lock, where given, decides.
   */
  lockRecord?: boolean;
  /**
   * When the record refuses edits and deletes (409 record_locked), as Salesforce locks it: while pending and after final approval; a rejected, returned or recalled record is unlocked. Administrators, users who may modify all records of the object and users with the system permission editLockedRecords still edit and delete a locked record; the process's own field updates, formulas and roll-ups still apply.
   */
  lock?: {
    /**
     * Locked while the record waits for its approvers. Default true.
     */
    whilePending?: boolean;
    /**
     * Locked once the last step approved it. Default true.
     */
    afterApproval?: boolean;
    /**
     * The current step's approvers may edit the pending record (never delete it). Default false.
     */
    approverMayEdit?: boolean;
  };
  /**
   * The submitter may recall a pending record. Default true.
   */
  allowRecall?: boolean;
  /**
   * Whether a record whose process ended may be submitted again. A record returned to its submitter (a step's onReject: draft) or recalled always may; an approved one, or one rejected for good (onReject: final), may not unless this says so.
   */
  allowResubmit?: {
    /**
     * An approved record may be submitted again. Default false.
     */
    afterApproval?: boolean;
    /**
     * A record rejected for good may be submitted again. Default false.
     */
    afterRejection?: boolean;
  };
  /**
   * The steps, in order.
   *
   * @minItems 1
   * @maxItems 30
   */
  steps: [ApprovalStep, ...ApprovalStep[]];
  /**
   * Run when a record is submitted.
   */
  onSubmit?: Actions;
  /**
   * Run when the last step approves.
   */
  onApprove?: Actions;
  /**
   * Run when a rejection ends the process.
   */
  onReject?: Actions;
  /**
   * Run when the submitter recalls the record.
   */
  onRecall?: Actions;
}
/**
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface ApprovalStep {
  name: ApiName;
  label?: LocalizedText;
  /**
   * The step runs only when this is true of the record (e.g. amount > 50000 for the CFO); otherwise it is skipped. Default: always.
   */
  condition?: Expression;
  /**
   * @minItems 1
   * @maxItems 20
   */
  approvers: [Approver, ...Approver[]];
  /**
   * first: the first response decides; all: every approver must approve (one rejection rejects); quorum: `quorum` approvals approve. Default first.
   */
  mode?: 'first' | 'all' | 'quorum';
  /**
   * With mode quorum: how many approvals the step needs.
   */
  quorum?: number;
  /**
   * Remind the pending approvers by e-mail once the step has waited this long.
   */
  reminder?: {
    after: Duration;
  };
  /**
   * Once the step has waited this long, hand it to the pending approvers' managers or to a named user.
   */
  escalation?: {
    after: Duration;
    to:
      | {
          manager: true;
        }
      | {
          user: UserId;
        };
  };
  /**
   * draft: back to the submitter, who may change the record and submit again; final: the process ends rejected. Default draft.
   */
  onReject?: 'draft' | 'final';
  onEnter?: Actions;
  onLeave?: Actions;
}
