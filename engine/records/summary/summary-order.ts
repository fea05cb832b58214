import { ValidationError } from '../../errors/index.js';
import type { Measure } from './summary-measures.js';

/** What the groups are ordered by: their key, their count, or one of the measures asked for. */
export interface GroupOrder {
  readonly by: 'key' | 'count' | Measure;
  readonly direction: 1 | -1;
}

/** Largest group first, as before there was a choice. */
export const DEFAULT_ORDER: GroupOrder = { by: 'count', direction: -1 };

/**
 * `order=-sum:amount` → the groups by a figure or by key, ascending, or descending with a leading
 * `-`: `key`, `count`, or a measure given in `measures` (`sum:amount`, `avg:amount`, `max:close_date`).
 */
export function parseOrder(input: string | undefined, measures: readonly Measure[]): GroupOrder {
  const text = (input ?? '').trim();
  if (text === '') return DEFAULT_ORDER;
  const direction = text.startsWith('-') ? -1 : 1;
  const name = text.replace(/^[-+]/, '');
  if (name === 'key' || name === 'count') return { by: name, direction };
  const measure = measures.find(({ aggregate, field }) => `${aggregate}:${field}` === name);
  if (measure) return { by: measure, direction };
  const given = measures.map(({ aggregate, field }) => `${aggregate}:${field}`);
  throw new ValidationError([
    { path: '/order', message: `'${name}' is not something to order by: use key, count${given.length > 0 ? `, ${given.join(', ')}` : ''} (a measure must be in measures), with a leading - for descending` },
  ]);
}

/**
 * The pipeline stages that order the grouped rows: the chosen figure first, then the key
 * ascending so that equal figures come in a stable order. `levels` keys are `_id` for one level
 * and `_id.l0`, `_id.l1` ... for several. An average is computed from its sum and count first.
 */
export function orderStages(order: GroupOrder, levels: number): Record<string, unknown>[] {
  const keyPaths = levels <= 1 ? ['_id'] : Array.from({ length: levels }, (_, i) => `_id.l${i}`);
  const byKey = (direction: 1 | -1) => Object.fromEntries(keyPaths.map((path) => [path, direction]));
  if (order.by === 'key') return [{ $sort: byKey(order.direction) }];
  if (order.by === 'count') return [{ $sort: { count: order.direction, ...byKey(1) } }];
  const { aggregate, field } = order.by;
  if (aggregate !== 'avg') return [{ $sort: { [`${aggregate}__${field}`]: order.direction, ...byKey(1) } }];
  const average = `order__avg__${field}`;
  const count = `$n__${field}`;
  return [
    { $addFields: { [average]: { $cond: [{ $eq: [count, 0] }, null, { $divide: [`$avg__${field}`, count] }] } } },
    { $sort: { [average]: order.direction, ...byKey(1) } },
  ];
}
