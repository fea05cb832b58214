/* Generated from common.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

/**
 * A field of a report's object, or of a parent through up to three lookups: amount, account.sector, account.owner.role (_owner, _createdBy and _updatedBy lead to users).
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "FieldPath".
 */
export type FieldPath = string;
/**
 * An API name: lower case letters, digits and single underscores, starting with a letter and not ending with an underscore.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "ApiName".
 */
export type ApiName = string;
/**
 * The id of a user record.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "UserId".
 */
export type UserId = string;
/**
 * A pack's name, as its pack.json says: lower case letters, digits, - and _.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "PackName".
 */
export type PackName = string;
/**
 * A JSONata expression over the record.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "Expression".
 */
export type Expression = string;
/**
 * A Handlebars template; the record's fields, {{record.<field>}}, {{process}}, {{step}}, {{comment}} and {{link}} are in scope.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "Template".
 */
export type Template = string;
/**
 * An ISO 8601 duration, e.g. P2D or PT4H.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = string;
/**
 * An icon of an app or an object: one of these Ant Design icons.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "Icon".
 */
export type Icon =
  | 'AccountBookOutlined'
  | 'AppstoreOutlined'
  | 'AuditOutlined'
  | 'BankOutlined'
  | 'BarChartOutlined'
  | 'BookOutlined'
  | 'CalendarOutlined'
  | 'CarOutlined'
  | 'ContactsOutlined'
  | 'ContainerOutlined'
  | 'CreditCardOutlined'
  | 'CustomerServiceOutlined'
  | 'DollarOutlined'
  | 'ExperimentOutlined'
  | 'FileDoneOutlined'
  | 'FileTextOutlined'
  | 'FlagOutlined'
  | 'FundOutlined'
  | 'GiftOutlined'
  | 'HomeOutlined'
  | 'IdcardOutlined'
  | 'InboxOutlined'
  | 'MailOutlined'
  | 'MedicineBoxOutlined'
  | 'NotificationOutlined'
  | 'PhoneOutlined'
  | 'ProjectOutlined'
  | 'ReconciliationOutlined'
  | 'RocketOutlined'
  | 'ScheduleOutlined'
  | 'SettingOutlined'
  | 'ShopOutlined'
  | 'ShoppingCartOutlined'
  | 'SolutionOutlined'
  | 'TeamOutlined'
  | 'ToolOutlined'
  | 'TrophyOutlined'
  | 'UserOutlined';
/**
 * What approval processes and automation rules do, exactly one of: set a field, send an e-mail, call a webhook, create a related record, convert the record into several new ones, run an action of an installed pack.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "Action".
 */
export type ApprovalAction =
  | {
      /**
       * The field to set.
       */
      setField: ApiName;
      /**
       * The value to set (null clears the field).
       */
      value?: {
        [k: string]: unknown;
      };
      /**
       * A JSONata expression over the record giving the value, instead of `value`.
       */
      expression?: Expression;
    }
  | {
      email: {
        /**
         * @minItems 1
         * @maxItems 20
         */
        to: [Recipient, ...Recipient[]];
        subject: Template;
        body: Template;
        translations?: EmailTranslations;
      };
    }
  | {
      webhook: {
        url: string;
        /**
         * The request body (JSON after rendering); default: the event with the record.
         */
        body?: Template;
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
       * Creates several records from this one in the unit of work of the event (a lead into an account, a contact and an opportunity), as the user the rule or process acts as and with their permissions: all or nothing, a record any of them refuses fails the whole event with the path of the failing field under the record's `as` (/contact/email). Mark the record in the same list of actions (setField status converted); its links to what it became are set with `links`.
       */
      convert: {
        /**
         * @minItems 1
         * @maxItems 10
         */
        create: [
          {
            /**
             * Names the created record for the links of the records created after it and of this record, e.g. account; unique in the action.
             */
            as: ApiName;
            object: ApiName;
            /**
             * Field of the new record → JSONata expression over this record (the field mapping), e.g. {"name": "company", "lead": "_id"}.
             */
            values?: {
              [k: string]: Expression;
            };
            /**
             * Lookup field of the new record → the `as` of a record created before it: the contact's account is the new account ({"account": "account"}).
             */
            links?: {
              [k: string]: ApiName;
            };
          },
          ...{
            /**
             * Names the created record for the links of the records created after it and of this record, e.g. account; unique in the action.
             */
            as: ApiName;
            object: ApiName;
            /**
             * Field of the new record → JSONata expression over this record (the field mapping), e.g. {"name": "company", "lead": "_id"}.
             */
            values?: {
              [k: string]: Expression;
            };
            /**
             * Lookup field of the new record → the `as` of a record created before it: the contact's account is the new account ({"account": "account"}).
             */
            links?: {
              [k: string]: ApiName;
            };
          }[]
        ];
        /**
         * Lookup field of this record → the `as` of a created record: what it was converted into ({"converted_account": "account"}).
         */
        links?: {
          [k: string]: ApiName;
        };
      };
    }
  | {
      /**
       * An action a pack installed in the tenant adds (docs/packs.md, definePack's actions): which pack, which of its actions, and the parameters it takes, checked against the action's own schema when the definition is saved. It runs in the unit of work of the event or write, with the context of the request that caused it.
       */
      packAction: {
        pack: PackName;
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
 * Who an e-mail goes to: submitter, approvers (of the current step), owner, a user by id, or the user a lookup field names.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
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
 * @maxItems 20
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "Actions".
 */
export type Actions = ApprovalAction[];

/**
 * How a report is drawn: in the report builder's preview and on a dashboard.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "ReportChart".
 */
export interface ReportChart {
  /**
   * bar, stacked bar (two group levels), line, pie or donut, funnel, gauge (against a target), single number (with the change from the previous period), or a table.
   */
  type: 'bar' | 'stackedBar' | 'line' | 'pie' | 'donut' | 'funnel' | 'gauge' | 'number' | 'table';
  /**
   * The measure drawn, by its key (count, sum:amount). Default: the first measure.
   */
  measure?: string;
  /**
   * Gauges: the value the needle is measured against.
   */
  target?: number;
  /**
   * Single numbers: the date field whose previous period the number is compared with.
   */
  compareField?: ApiName;
  /**
   * Single numbers: the period compared, so far against the same days of the one before (this month to date with last month to date ...). Default month.
   */
  comparePeriod?: 'day' | 'week' | 'month' | 'quarter' | 'year';
}
/**
 * The e-mail's subject and body in other languages. Each recipient gets the version of the language saved on their user record: zh-TW where given, else zh-CN converted to Traditional characters; the subject and body above where their language has none.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "EmailTranslations".
 */
export interface EmailTranslations {
  en?: EmailText;
  'zh-CN'?: EmailText;
  'zh-TW'?: EmailText;
}
/**
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "EmailText".
 */
export interface EmailText {
  subject: Template;
  body: Template;
}
/**
 * A text in each supported language; the engine falls back to English, then to the API name. zh-TW is optional: where it is left out, Traditional Chinese readers get the zh-CN text converted to Traditional characters.
 *
 * This interface was referenced by `CommonDefinitions`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  en?: string;
  'zh-CN'?: string;
  'zh-TW'?: string;
}
