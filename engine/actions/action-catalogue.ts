import type { ValidateFunction } from 'ajv';
import type { OperationContext, Tenant } from '../context/index.js';
import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { createAjv } from '../metadata/create-ajv.js';
import type { Snapshot } from '../metadata/snapshot.js';
import type { PackAction } from './pack-action.js';

/** The pattern of an action's name, as the definitions' schema has it for `packAction.action`. */
const ACTION_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,49}$/;

/** A pack's action ready to be named in definitions: its params schema compiled. */
export interface CatalogueAction {
  readonly pack: string;
  readonly name: string;
  readonly action: PackAction;
  /** Checks a definition's params; accepts any object when the action declares no schema. */
  readonly validate: ValidateFunction | ((params: unknown) => boolean);
}

/** The pack actions a tenant offers (or would offer after an install), by pack then by name. */
export interface ActionCatalogue {
  /** The actions of a pack, or undefined when the tenant has no code of that pack (not installed, or its code failed to load). */
  actionsOf(pack: string): ReadonlyMap<string, CatalogueAction> | undefined;
  /** Every action offered, by pack then name. */
  all(): CatalogueAction[];
}

const compiled = new WeakMap<Readonly<Record<string, PackAction>>, ReadonlyMap<string, CatalogueAction>>();

/**
 * A pack's actions with their params schemas compiled, once per loaded code. A name the
 * definitions cannot spell, a missing label or a schema ajv refuses makes the pack's code unusable
 * (400, each problem at `/actions/<name>`), found when the pack is read, before it installs.
 */
export function compilePackActions(pack: string, actions: Readonly<Record<string, PackAction>> | undefined): ReadonlyMap<string, CatalogueAction> {
  if (!actions) return new Map();
  const known = compiled.get(actions);
  if (known) return known;
  const problems: ErrorDetail[] = [];
  const result = new Map<string, CatalogueAction>();
  for (const [name, action] of Object.entries(actions)) {
    const at = `/actions/${name}`;
    if (!ACTION_NAME.test(name)) problems.push({ path: at, message: msg`an action's name starts with a letter and has only letters, digits, - and _ (at most 50)` });
    if (typeof action?.run !== 'function') problems.push({ path: `${at}/run`, message: msg`must be the function that runs the action` });
    if (typeof action?.label?.en !== 'string' || action.label.en.trim() === '') problems.push({ path: `${at}/label/en`, message: msg`is required: how admins see the action` });
    let validate: CatalogueAction['validate'] = (params: unknown) => params !== null && typeof params === 'object' && !Array.isArray(params);
    if (action?.params !== undefined) {
      try {
        validate = createAjv().compile(action.params);
      } catch (error) {
        problems.push({ path: `${at}/params`, message: msg`is not a JSON Schema the platform can use: ${(error as Error).message}` });
      }
    }
    result.set(name, { pack, name, action, validate });
  }
  if (problems.length > 0) throw new ValidationError(problems, msg`The actions of pack '${pack}' cannot be used.`);
  compiled.set(actions, result);
  return result;
}

/** The actions offered in each open tenant: those of the packs installed there, put by packs' activation. */
const offered = new WeakMap<Tenant, Map<string, ReadonlyMap<string, CatalogueAction>>>();

/** Offers a pack's actions in a tenant (its install, an upgrade, the tenant's opening), replacing those of an earlier version. */
export function offerPackActions(tenant: Tenant, pack: string, actions: ReadonlyMap<string, CatalogueAction>): void {
  let packs = offered.get(tenant);
  if (!packs) offered.set(tenant, (packs = new Map()));
  if (actions.size > 0) packs.set(pack, actions);
  else packs.delete(pack);
}

/** Withdraws a pack's actions from a tenant (its uninstall). */
export function withdrawPackActions(tenant: Tenant, pack: string): void {
  offered.get(tenant)?.delete(pack);
}

/** The actions a tenant offers now. */
export function tenantActions(tenant: Tenant): ActionCatalogue {
  return catalogueOf(offered.get(tenant) ?? new Map());
}

/** The catalogue of the metadata an install is making, while the records it writes in its unit of work (its demo data) are made. */
const installing = new WeakMap<Snapshot, ActionCatalogue>();

/**
 * Runs `work` (writes in an install's unit of work, on the metadata the install makes) with the
 * actions that metadata was checked against: the pack's new code, which is offered to the tenant
 * only once the install committed. Records written there run the new version's actions.
 */
export async function withInstallActions<T>(snapshot: Snapshot, actions: ActionCatalogue, work: () => Promise<T>): Promise<T> {
  installing.set(snapshot, actions);
  try {
    return await work();
  } finally {
    installing.delete(snapshot);
  }
}

/** The actions a write runs: those the tenant offers, or, inside an install's unit of work, those of the metadata it makes. */
export function runnableActions(ctx: OperationContext): ActionCatalogue {
  return installing.get(ctx.snapshot) ?? tenantActions(ctx.tenant);
}

/** A catalogue as it would be once a pack's new code replaced its old one: what an install checks its definitions against. */
export function catalogueWith(base: ActionCatalogue, pack: string, actions: ReadonlyMap<string, CatalogueAction>): ActionCatalogue {
  const packs = new Map<string, ReadonlyMap<string, CatalogueAction>>();
  for (const action of base.all()) packs.set(action.pack, base.actionsOf(action.pack)!);
  if (actions.size > 0) packs.set(pack, actions);
  else packs.delete(pack);
  return catalogueOf(packs);
}

function catalogueOf(packs: ReadonlyMap<string, ReadonlyMap<string, CatalogueAction>>): ActionCatalogue {
  return {
    actionsOf: (pack) => packs.get(pack),
    all: () =>
      [...packs.keys()]
        .sort()
        .flatMap((pack) => [...packs.get(pack)!.values()].sort((a, b) => a.name.localeCompare(b.name))),
  };
}
