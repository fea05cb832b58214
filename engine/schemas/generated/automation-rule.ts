/* Generated from automation-rule.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

/**
 * What to do, in order.
 *
 * @minItems 1
 * @maxItems 20
 */
export type Actions =
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
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
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
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
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
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "UserId".
 */
export type UserId = string;
/**
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "ApiName".
 */
export type ApiName = string;
/**
 * A Handlebars template; the record's fields, {{record.<field>}}, {{process}}, {{step}}, {{comment}} and {{link}} are in scope.
 *
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "Template".
 */
export type Template = string;
/**
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "Expression".
 */
export type Expression = string;
/**
 * @minItems 1
 * @maxItems 20
 *
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "Actions".
 */
export type Actions1 =
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
 * A record-triggered rule: when a record of the object is created or updated and the condition becomes true, run the actions (set fields, send an e-mail, call a webhook, create a related record). Each rule fires at most once per write, so a rule's own field changes never re-trigger it; rules run in order, and records they create run their own rules up to a depth limit.
 */
export interface AutomationRuleDefinition {
  /**
   * API name of the rule, unique in the tenant.
   */
  name: string;
  label?: LocalizedText;
  description?: string;
  /**
   * The object whose writes trigger the rule.
   */
  object: string;
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
  condition?: string;
  actions: Actions;
}
/**
 * A text in each supported language; the engine falls back to English, then to the API name.
 *
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  en?: string;
  'zh-CN'?: string;
}
