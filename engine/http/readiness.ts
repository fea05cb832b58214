/**
 * Where the engine is in its life: starting (the store opening, migrations, the default tenant
 * being prepared), ready, or stopping (a shutdown has begun). /ready answers 200 only when ready, so
 * a load balancer sends requests only to an instance that can serve them.
 */
export type ReadinessState = 'starting' | 'ready' | 'stopping';

export class Readiness {
  #state: ReadinessState;

  constructor(state: ReadinessState = 'starting') {
    this.#state = state;
  }

  get state(): ReadinessState {
    return this.#state;
  }

  ready(): void {
    if (this.#state === 'starting') this.#state = 'ready';
  }

  stopping(): void {
    this.#state = 'stopping';
  }
}
