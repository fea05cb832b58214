import type { Tenant } from '../../context/index.js';
import type { WriteStage, WriteStages } from './write-stages.js';

interface Subscription<S extends WriteStage> {
  readonly hook: WriteStages[S];
  /** The objects whose writes it sees; every object's when absent. */
  readonly objects?: ReadonlySet<string>;
}

/**
 * Hooks on the stages of the record write path, each under a key: subscribing a key again replaces
 * its hook, so reinstalling (a pack's upgrade, a second start in one process) never runs one twice.
 * Hooks of a stage run in the order their keys were first subscribed.
 */
export class WriteHooks {
  private readonly stages: { [S in WriteStage]: Map<string, Subscription<S>> } = {
    beforeValidation: new Map(),
    beforeSave: new Map(),
    afterSave: new Map(),
    afterCommit: new Map(),
  };

  on<S extends WriteStage>(stage: S, key: string, hook: WriteStages[S], options: { objects?: readonly string[] } = {}): void {
    const subscriptions = this.stages[stage] as Map<string, Subscription<S>>;
    subscriptions.set(key, { hook, ...(options.objects ? { objects: new Set(options.objects) } : {}) });
  }

  /** Removes the hooks under a key from every stage (a pack uninstalled). */
  off(key: string): void {
    for (const subscriptions of Object.values(this.stages)) subscriptions.delete(key);
  }

  /** The hooks of a stage that see writes of the object, in order. */
  of<S extends WriteStage>(stage: S, objectName: string): WriteStages[S][] {
    const hooks: WriteStages[S][] = [];
    for (const { hook, objects } of (this.stages[stage] as Map<string, Subscription<S>>).values()) {
      if (!objects || objects.has(objectName)) hooks.push(hook);
    }
    return hooks;
  }
}

/**
 * The engine's own hooks, the same for every tenant (automation): code installed once per process,
 * like the job handlers; tenancy's openTenant installs them before a tenant serves its first write.
 */
export const engineWriteHooks = new WriteHooks();

const tenantHooks = new WeakMap<Tenant, WriteHooks>();

/** A tenant's own hooks, which run after the engine's: those of the packs installed in it. */
export function tenantWriteHooks(tenant: Tenant): WriteHooks {
  let hooks = tenantHooks.get(tenant);
  if (!hooks) tenantHooks.set(tenant, (hooks = new WriteHooks()));
  return hooks;
}

/** Every hook of a stage that sees a write of the object in the tenant: the engine's, then the tenant's. */
export function hooksOf<S extends WriteStage>(tenant: Tenant, stage: S, objectName: string): WriteStages[S][] {
  const own = tenantHooks.get(tenant);
  const engine = engineWriteHooks.of(stage, objectName);
  return own ? [...engine, ...own.of(stage, objectName)] : engine;
}
