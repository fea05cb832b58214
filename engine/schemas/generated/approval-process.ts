/* Generated from approval-process.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

/**
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "ApiName".
 */
export type ApiName = string;
/**
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "UserId".
 */
export type UserId = string;
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
 * An ISO 8601 duration, e.g. P2D or PT4H.
 *
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = string;
/**
 * @maxItems 20
 *
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Actions".
 */
export type Actions =
  | []
  | [ApprovalAction]
  | [ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ];
/**
 * Exactly one of: set a field, send an e-mail, call a webhook, create a related record, run an action of an installed pack.
 *
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Action".
 */
export type ApprovalAction =
  | {
      /**
       * The field to set.
       */
      setField: string;
      /**
       * The value to set (null clears the field).
       */
      value?: {
        [k: string]: unknown;
      };
      /**
       * A JSONata expression over the record giving the value, instead of `value`.
       */
      expression?: string;
    }
  | {
      email: {
        /**
         * @minItems 1
         * @maxItems 20
         */
        to:
          | [Recipient]
          | [Recipient, Recipient]
          | [Recipient, Recipient, Recipient]
          | [Recipient, Recipient, Recipient, Recipient]
          | [Recipient, Recipient, Recipient, Recipient, Recipient]
          | [Recipient, Recipient, Recipient, Recipient, Recipient, Recipient]
          | [Recipient, Recipient, Recipient, Recipient, Recipient, Recipient, Recipient]
          | [Recipient, Recipient, Recipient, Recipient, Recipient, Recipient, Recipient, Recipient]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ]
          | [
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient,
              Recipient
            ];
        subject: Template;
        body: Template;
      };
    }
  | {
      webhook: {
        url: string;
        /**
         * A Handlebars template; the record's fields, {{record.<field>}}, {{process}}, {{step}}, {{comment}} and {{link}} are in scope.
         */
        body?: string;
      };
    }
  | {
      createRecord: {
        object: ApiName;
        /**
         * Field → JSONata expression over the record (e.g. "_id" for a lookup back to it).
         */
        values: {
          [k: string]: Expression;
        };
      };
    }
  | {
      /**
       * An action a pack installed in the tenant adds (docs/packs.md, definePack's actions): which pack, which of its actions, and the parameters it takes, checked against the action's own schema when the definition is saved. It runs in the unit of work of the event or write, with the context of the request that caused it.
       */
      packAction: {
        /**
         * The pack's name, as its pack.json says.
         */
        pack: string;
        /**
         * The action's name, as the pack's code declares it.
         */
        action: string;
        /**
         * The action's parameters, as its params schema describes them. Default: none.
         */
        params?: {
          [k: string]: unknown;
        };
      };
    };
/**
 * submitter, approvers (of the current step), owner, a user by id, or the user a lookup field names.
 *
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Recipient".
 */
export type Recipient =
  | ('submitter' | 'approvers' | 'owner')
  | {
      user: UserId;
    }
  | {
      field: ApiName;
    };
/**
 * A Handlebars template; the record's fields, {{record.<field>}}, {{process}}, {{step}}, {{comment}} and {{link}} are in scope.
 *
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Template".
 */
export type Template = string;
/**
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "Expression".
 */
export type Expression = string;
/**
 * Run when a record is submitted.
 *
 * @maxItems 20
 */
export type Actions1 =
  | []
  | [ApprovalAction]
  | [ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ];
/**
 * Run when the last step approves.
 *
 * @maxItems 20
 */
export type Actions2 =
  | []
  | [ApprovalAction]
  | [ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ];
/**
 * Run when a rejection ends the process.
 *
 * @maxItems 20
 */
export type Actions3 =
  | []
  | [ApprovalAction]
  | [ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ];
/**
 * Run when the submitter recalls the record.
 *
 * @maxItems 20
 */
export type Actions4 =
  | []
  | [ApprovalAction]
  | [ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction, ApprovalAction]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ]
  | [
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction,
      ApprovalAction
    ];

/**
 * An approval process on an object: who may submit which records, the ordered steps with their approvers, and what happens on submit, on each step, on approval, rejection and recall. Compiled to an XState machine; a record in process stays on the version it was submitted under.
 */
export interface ApprovalProcessDefinition {
  /**
   * API name of the process, unique in the tenant, e.g. purchase_request_approval.
   */
  name: string;
  label?: LocalizedText;
  description?: string;
  /**
   * The object whose records go through the process.
   */
  object: string;
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
  entryCriteria?: string;
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
  onSubmit?: Actions1;
  onApprove?: Actions2;
  onReject?: Actions3;
  onRecall?: Actions4;
}
/**
 * A text in each supported language; the engine falls back to English, then to the API name.
 *
 * This interface was referenced by `ApprovalProcessDefinition`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  en?: string;
  'zh-CN'?: string;
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
  condition?: string;
  /**
   * @minItems 1
   * @maxItems 20
   */
  approvers:
    | [Approver]
    | [Approver, Approver]
    | [Approver, Approver, Approver]
    | [Approver, Approver, Approver, Approver]
    | [Approver, Approver, Approver, Approver, Approver]
    | [Approver, Approver, Approver, Approver, Approver, Approver]
    | [Approver, Approver, Approver, Approver, Approver, Approver, Approver]
    | [Approver, Approver, Approver, Approver, Approver, Approver, Approver, Approver]
    | [Approver, Approver, Approver, Approver, Approver, Approver, Approver, Approver, Approver]
    | [Approver, Approver, Approver, Approver, Approver, Approver, Approver, Approver, Approver, Approver]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ]
    | [
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver,
        Approver
      ];
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
