import type { PackAction } from '../actions/index.js';
import type { OperationContext } from '../context/index.js';
import type { PackKindDeclaration } from '../metadata/pack-kinds/index.js';
import type { WriteStage, WriteStages } from '../records/write-pipeline/index.js';
import type { Collections } from '../store/port.js';
import type { DemoDataGenerator } from './generated-demo-data.js';

/** A hook of a pack on one stage of the record write path, on the objects it names (every object's when absent). */
export type PackHook = { [S in WriteStage]: { readonly stage: S; readonly name: string; readonly objects?: readonly string[]; readonly run: WriteStages[S] } }[WriteStage];

/** What a pack's route receives of its request. */
export interface PackRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

/** A route of a pack, under /api/v1/packs/<pack>/, answering JSON; served only in tenants where the pack is installed. */
export interface PackRoute {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** In express's syntax: `/territories/:id`. */
  readonly path: string;
  /** Runs with the permissions of the request's user; what it returns is the answer (200). An engine error answers as anywhere else. */
  handle(ctx: OperationContext, request: PackRequest): Promise<unknown>;
}

/** A job of a pack: run as the engine in each tenant where the pack is installed, again every `everyMinutes` when given. */
export interface PackJob {
  readonly everyMinutes?: number;
  run(ctx: OperationContext, payload: Readonly<Record<string, unknown>>): Promise<void>;
}

/**
 * A data migration of a pack, run once per tenant, when an upgrade reaches the version that ships
 * it, in the order listed, inside the upgrade's unit of work and before the new metadata's own
 * data work: all or nothing with the upgrade. A first install runs none: its data is already new
 * (as Frappe marks an app's patches done when it is installed).
 */
export interface PackMigration {
  /** Unique within the pack: `1.1.0-rename-status`. */
  readonly id: string;
  run(tx: Collections, ctx: OperationContext): Promise<void>;
}

/** What a pack's index.ts exports as its default: `export default definePack({ … })`. */
export interface PackCode {
  readonly hooks?: readonly PackHook[];
  readonly routes?: readonly PackRoute[];
  readonly jobs?: Readonly<Record<string, PackJob>>;
  readonly migrations?: readonly PackMigration[];
  /** Actions for approval processes and automation rules, by name: `{ "packAction": { "pack", "action", "params" } }` in a definition. */
  readonly actions?: Readonly<Record<string, PackAction>>;
  /**
   * Kinds of metadata the pack adds, by name (camelCase): `{ slaPolicy: { label, plural, schema, check?, compile? } }`.
   * Their definitions are written through /api/v1/meta/<plural in kebab-case>, kept in the
   * history, shipped in metadata/<plural in kebab-case>/ and merged at upgrades, in the tenants where the pack is installed.
   */
  readonly kinds?: Readonly<Record<string, PackKindDeclaration>>;
  /**
   * Demo records made for the day of the install (a year of opportunities up to today), beside the
   * data/ files, when the admin installs with demo data; in their format, with stable demo keys.
   */
  readonly demoData?: DemoDataGenerator;
}

/** Types a pack's code; the engine loads it from the pack's folder (load-pack-code.ts). */
export function definePack(code: PackCode): PackCode {
  return code;
}
