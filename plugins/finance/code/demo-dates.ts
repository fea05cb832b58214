const DAY = 86_400_000;

/** The day `days` from `today` (negative: before), as a date field holds it (YYYY-MM-DD, UTC). */
export function dayFrom(today: Date, days: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + days * DAY).toISOString().slice(0, 10);
}

/** An integer in [low, high], from the pack's seeded numbers. */
export function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** One of the items, from the pack's seeded numbers. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
