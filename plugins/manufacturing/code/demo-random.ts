import type { DemoDataContext } from '../../../engine/packs/index.js';

const DAY = 86_400_000;

/** The choices the demo makes of the pack's seeded numbers (never Math.random: keys must repeat). */
export interface Dice {
  /** A whole number in [low, high]. */
  int(low: number, high: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
  /** True with that probability. */
  chance(probability: number): boolean;
}

export function dice({ random }: DemoDataContext): Dice {
  return {
    int: (low, high) => low + Math.floor(random() * (high - low + 1)),
    pick: (items) => items[Math.floor(random() * items.length)]!,
    chance: (probability) => random() < probability,
  };
}

/** The day (YYYY-MM-DD, UTC) `days` after `today`'s, before it when negative. */
export function dayOffset(today: Date, days: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + days * DAY).toISOString().slice(0, 10);
}

