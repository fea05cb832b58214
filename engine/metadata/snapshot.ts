import type { CompiledObject } from './compiled-object.js';

/**
 * A tenant's metadata compiled at one version: immutable, swapped whole. A request takes the
 * snapshot once at its start and keeps it to its end, whatever changes meanwhile.
 */
export class Snapshot {
  private readonly derived = new Map<string, unknown>();

  constructor(
    readonly version: number,
    readonly objects: ReadonlyMap<string, CompiledObject>,
  ) {}

  object(name: string): CompiledObject | undefined {
    return this.objects.get(name);
  }

  /**
   * Artefacts computed from the whole snapshot (the OpenAPI document), built by the first request
   * that needs them and shared by all later ones on this version.
   */
  memo<T>(key: string, build: () => T): T {
    if (!this.derived.has(key)) this.derived.set(key, build());
    return this.derived.get(key) as T;
  }
}
