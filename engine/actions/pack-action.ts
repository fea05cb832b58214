import type { OperationContext } from '../context/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import type { Collections } from '../store/port.js';

/**
 * An action a pack adds for approval processes and automation rules (definePack's `actions`),
 * named in a definition as `{ "packAction": { "pack", "action", "params" } }`. Declared here, below
 * approvals and automation which run it, and filled in by packs, which sit above them.
 */
export interface PackAction {
  /** How the studio and a process's simulation name it, in each language. */
  readonly label: { readonly en: string; readonly 'zh-CN'?: string; readonly 'zh-TW'?: string };
  /** A JSON Schema (2020-12) of its parameters: a process or rule whose params fail it is refused when saved. */
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * Runs in the unit of work of the event (a submit, an approval…) or of the write that fired the
   * rule, with the context of the request that caused it. Throwing fails the event or the write
   * with the error's message (an engine error keeps its status and details) and nothing of it is
   * stored. What it returns goes through the record write path like the built-in actions' changes.
   */
  run(ctx: OperationContext, call: PackActionCall): Promise<PackActionResult | void>;
}

/** What a pack's action receives when it runs. */
export interface PackActionCall {
  /** The unit of work: reads see what the event has done so far, and anything written here is undone with it. */
  readonly tx: Collections;
  /** The object of the record. */
  readonly object: string;
  /** The record as it stands, with the field changes of the actions before this one. */
  readonly record: Readonly<StoredRecord>;
  /** The definition's params, checked against the action's schema. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Who runs it: `approval <process>` or `automation <rule>`. */
  readonly source: string;
  /** The approval step it runs at, or null (a process's own actions, a rule). */
  readonly step: string | null;
}

/** The record changes an action asks for, which the engine makes through its one write path. */
export interface PackActionResult {
  /** Field values for the record, stored with the event's one write (validation, formulas, roll-ups, history, rules). */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Records to create in the same unit of work, as the engine, each through the write path (their own rules run). */
  readonly create?: readonly { readonly object: string; readonly values: Readonly<Record<string, unknown>> }[];
}
