import { roundToScale } from '../engine/fields/numeric.js';
import type { ObjectDefinition } from '../engine/schemas/generated/object.js';
import { REGIONS } from './seed.js';

// The business-logic bench's objects: a quote (the master) whose `total` sums the amounts of its
// lines; a line (the detail) with five formula fields and three validation rules.

export const MASTER = 'quote';
export const DETAIL = 'quote_line';
const PRODUCTS = ['Pump', 'Valve', 'Turbine', 'Filter', 'Sensor', 'Controller'] as const;

export const MASTER_OBJECT: ObjectDefinition = {
  name: MASTER,
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'region', type: 'picklist', values: [...REGIONS] },
  ],
};

/** Added to the master once the detail exists (a roll-up names its child). */
export const TOTAL_FIELD = { name: 'amount_total', type: 'rollup', child: DETAIL, function: 'sum', field: 'amount' } as const;

export const DETAIL_OBJECT: ObjectDefinition = {
  name: DETAIL,
  fields: [
    { name: MASTER, type: 'masterdetail', target: MASTER },
    { name: 'product', type: 'text', required: true },
    { name: 'quantity', type: 'number' },
    { name: 'amount', type: 'currency' },
    { name: 'discount', type: 'percent' },
    { name: 'approved', type: 'boolean' },
    { name: 'ship_date', type: 'date' },
    // arithmetic, text, a condition, a parent field through the master-detail field, a date function
    { name: 'net', type: 'formula', expression: 'amount * (1 - discount / 100)', resultType: 'currency' },
    { name: 'label', type: 'formula', expression: 'product & " x " & $string(quantity)', resultType: 'text' },
    { name: 'size', type: 'formula', expression: 'net >= 5000 ? "large" : "small"', resultType: 'text' },
    { name: 'region', type: 'formula', expression: `${MASTER}.region`, resultType: 'text' },
    {
      name: 'due_date',
      type: 'formula',
      expression: "$fromMillis($toMillis(ship_date) + 30 * 86400000, '[Y0001]-[M01]-[D01]')",
      resultType: 'date',
    },
  ],
  validationRules: [
    { name: 'discount_needs_approval', condition: 'discount > 20 and $not(approved = true)', field: 'discount', message: { en: 'A discount over 20% needs approval' } },
    { name: 'amount_positive', condition: 'amount <= 0', field: 'amount', message: { en: 'The amount must be positive' } },
    { name: 'quantity_limit', condition: 'quantity > 1000 or net > amount', field: 'quantity', message: { en: 'At most 1000 per line' } },
  ],
};

export type Line = { [MASTER]: string; product: string; quantity: number; amount: number; discount: number; approved: boolean; ship_date: string };

/** A line every rule accepts: discounts up to 30 %, those over 20 % approved. */
export function randomLine(random: () => number, masterId: string): Line {
  const discount = Math.round(random() * 3000) / 100;
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 365) * 86_400_000);
  return {
    [MASTER]: masterId,
    product: PRODUCTS[Math.floor(random() * PRODUCTS.length)]!,
    quantity: 1 + Math.floor(random() * 500),
    amount: randomAmount(random),
    discount,
    approved: discount > 20 || random() < 0.5,
    ship_date: day.toISOString().slice(0, 10),
  };
}

export const randomAmount = (random: () => number) => Math.round(1 + random() * 999_900) / 100;

/** What the five formulas must give for a line of a master in `region`, worked out here, not by the engine. */
export function expectedFormulas(line: Line, region: string): Record<string, unknown> {
  const net = roundToScale(line.amount * (1 - line.discount / 100), 2);
  const due = new Date(Date.parse(`${line.ship_date}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return { net, label: `${line.product} x ${line.quantity}`, size: net >= 5000 ? 'large' : 'small', region, due_date: due };
}
