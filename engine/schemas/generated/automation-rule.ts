/* Generated from automation-rule.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, ApprovalAction, Duration, Expression, LocalizedText, UserId} from './common.js';

/**
 * An IANA time zone, e.g. Asia/Shanghai. Default UTC.
 *
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "TimeZone".
 */
export type TimeZone = string;
/**
 * A time of day as HH:MM, 24 hours.
 *
 * This interface was referenced by `AutomationRuleDefinition`'s JSON-Schema
 * via the `definition` "TimeOfDay".
 */
export type TimeOfDay = string;

/**
 * An automation rule of an object: record-triggered (when a record is created or updated and the condition becomes true), time-based (at a time relative to a date or date-time field of each record, or on a schedule over the records a filter matches), or run from a button on the record page; it runs the actions (set fields, send an e-mail, call a webhook, create a related record, convert the record into others). A record-triggered rule fires at most once per write, so a rule's own field changes never re-trigger it; rules run in order, and records they create run their own rules up to a depth limit. A time-based rule fires once per record and occasion, as the run-as user.
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
   * What triggers the rule: a create, an update or either (record-triggered, default createOrUpdate); `time`, a time relative to a date field of each record (see `time`); `schedule`, a recurring time over the records `schedule.filter` matches (see `schedule`); `button`, a user pressing the rule's button on a record page (the actions run as that user, with their permissions).
   */
  on?: 'create' | 'update' | 'createOrUpdate' | 'time' | 'schedule' | 'button';
  /**
   * JSONata over the record. Record-triggered: the rule fires when this becomes true (true after the write and, on an update, false before it); default: always true, so the rule fires on create only, or on every update with on: update. Time-based and scheduled: the record must match it when the time comes (a record that stops matching has its occasion cancelled). Button: the button is offered only on records that match it.
   */
  condition?: Expression;
  /**
   * For on: time. When the rule fires for each record: at the value of a date or date-time field, moved by `before` or `after`. The occasion is planned when a record is written (and for the existing records when the rule is saved), planned again when the field changes, cancelled when the record no longer matches the condition or is deleted. An occasion already past when it is planned is skipped.
   */
  time?: {
    /**
     * A date or date-time field of the object (a formula giving one too), e.g. due_date.
     */
    field: ApiName;
    /**
     * Fire this long before the field's time, e.g. P3D.
     */
    before?: Duration;
    /**
     * Fire this long after the field's time, e.g. P1D.
     */
    after?: Duration;
    /**
     * For a date field: the time of day the date stands for, in `timeZone`. Default 00:00.
     */
    at?: TimeOfDay;
    timeZone?: TimeZone;
  };
  /**
   * For on: schedule. At each occasion (the days and time given, in `timeZone`) the rule runs its actions once on every record that matches `filter` and the condition.
   */
  schedule?: {
    /**
     * The days of the week it runs on. Default: every day.
     *
     * @minItems 1
     * @maxItems 7
     */
    days?: [
      'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun',
      ...('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[]
    ];
    /**
     * The time of day it runs at, e.g. 09:00.
     */
    at: TimeOfDay;
    timeZone?: TimeZone;
    /**
     * Which records it runs on, in the API's filter language, e.g. {"status": "overdue"}; checked against the object's fields when saved. Default: every record.
     */
    filter?: {};
  };
  /**
   * Time-based and scheduled rules: the user whose permissions the actions run with and who is named as making the changes. Default: the engine itself (every right).
   */
  runAs?: UserId;
  /**
   * What to do, in order.
   *
   * @minItems 1
   * @maxItems 20
   */
  actions: [ApprovalAction, ...ApprovalAction[]];
}
