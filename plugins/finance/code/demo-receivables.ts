import type { DemoDataContext } from '../../../engine/packs/index.js';
import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { between, dayFrom, pick } from './demo-dates.js';
import { SALES_DEMO_ACCOUNTS, SALES_DEMO_PRODUCTS, salesAccountKey, type SalesDemoProduct } from './sales-demo-keys.js';

const ORDERS = 240;
const PAYMENT_METHODS = ['bank_transfer', 'bank_transfer', 'bank_transfer', 'alipay', 'wechat_pay', 'cheque', 'card'];
const TERMS = [30, 30, 30, 15, 45, 60];
const CLERK = { $key: 'user-finance_clerk' };

export interface Receivables {
  sales_order: DemoRecord[];
  sales_order_line: DemoRecord[];
  invoice: DemoRecord[];
  invoice_line: DemoRecord[];
  payment: DemoRecord[];
}

interface Line {
  product: string;
  quantity: number;
  unit_price: number;
  discount: number;
  tax_rate: number;
}

/** China's VAT: 6 % on services and training, 13 % on goods and licences. */
const taxRate = (product: SalesDemoProduct) => (product.family === 'service' || product.family === 'training' ? 6 : 13);

/** A line of a product: a few of the expensive ones, more of the cheap ones, at the list price less 0, 5 or 10 %. */
function demoLine(random: () => number): Line {
  const product = pick(random, SALES_DEMO_PRODUCTS);
  const quantity = product.price >= 20000 ? between(random, 1, 2) : between(random, 1, product.price >= 3000 ? 10 : 40);
  return { product: product.key, quantity, unit_price: product.price, discount: pick(random, [0, 0, 5, 10]), tax_rate: taxRate(product) };
}

/** In fen (1/100): net and tax of a line as the invoice line's formulas compute them, so payments settle to the cent. */
function lineFen(line: Line): number {
  const net = (line.quantity * line.unit_price * (100 - line.discount)) / 100;
  return Math.round(net * 100) + Math.round(net * line.tax_rate);
}

/**
 * A year of sales orders up to today with their lines, naming the sales demo's accounts and
 * products; the invoice of each (but the last few days' and the cancelled), due 15 to 60 days
 * later; and the payments customers made: old invoices mostly paid in full, some in two parts,
 * recent and overdue ones partly or not at all, so that the aging report fills every range.
 * List prices are multiples of 20 with 0, 5 or 10 % discount, so each amount is exact to the cent.
 */
export function demoReceivables({ today, random }: DemoDataContext): Receivables {
  const made: Receivables = { sales_order: [], sales_order_line: [], invoice: [], invoice_line: [], payment: [] };
  for (let index = 0; index < ORDERS; index++) {
    const key = String(index + 1).padStart(3, '0');
    const ordered = -Math.floor((365 * (ORDERS - index)) / ORDERS) + between(random, 0, 1);
    const cancelled = random() < 0.03;
    const invoiced = !cancelled && ordered < -3;
    made.sales_order.push({
      _key: `so-${key}`,
      _owner: CLERK,
      account: { $key: salesAccountKey(between(random, 0, SALES_DEMO_ACCOUNTS - 1)) },
      order_date: dayFrom(today, ordered),
      status: cancelled ? 'cancelled' : invoiced ? 'invoiced' : 'confirmed',
    });
    const lines: Line[] = [];
    for (let number = 0, count = between(random, 1, 3); number < count; number++) {
      lines.push(demoLine(random));
    }
    lines.forEach(({ tax_rate: _tax, ...line }, number) => made.sales_order_line.push({ _key: `so-${key}-${number + 1}`, sales_order: { $key: `so-${key}` }, ...line, product: { $key: line.product } }));
    if (!invoiced) continue;
    const account = made.sales_order.at(-1)!.account;
    const issued = ordered + between(random, 0, 3);
    const due = issued + pick(random, TERMS);
    made.invoice.push({
      _key: `inv-${key}`,
      _owner: CLERK,
      account,
      sales_order: { $key: `so-${key}` },
      invoice_date: dayFrom(today, Math.min(issued, 0)),
      due_date: dayFrom(today, Math.min(issued, 0) + (due - issued)),
      status: 'issued',
    });
    lines.forEach((line, number) => made.invoice_line.push({ _key: `inv-${key}-${number + 1}`, invoice: { $key: `inv-${key}` }, ...line, product: { $key: line.product } }));
    made.payment.push(...demoPayments(random, today, key, lines.reduce((sum, line) => sum + lineFen(line), 0), Math.min(issued, 0), due));
  }
  return made;
}

/** How the customer paid an invoice of `totalFen` issued on day `issued` and due on day `due` (days from today). */
function demoPayments(random: () => number, today: Date, key: string, totalFen: number, issued: number, due: number): DemoRecord[] {
  const overdue = -due;
  const chance = random();
  // Older invoices are mostly settled; recent and overdue ones less so, which fills the aging ranges.
  const share = overdue > 120 ? (chance < 0.9 ? 1 : chance < 0.95 ? 0.5 : 0) : overdue > 0 ? (chance < 0.45 ? 1 : chance < 0.65 ? 0.4 : 0) : chance < 0.25 ? 1 : chance < 0.4 ? 0.3 : 0;
  if (share === 0) return [];
  const payment = (number: number, fen: number, day: number): DemoRecord => ({
    _key: `pay-${key}-${number}`,
    _owner: CLERK,
    invoice: { $key: `inv-${key}` },
    payment_date: dayFrom(today, Math.min(day, 0)),
    amount: fen / 100,
    method: pick(random, PAYMENT_METHODS),
    reference: `${pick(random, ['CMB', 'ICBC', 'BOC', 'CCB', 'HSBC'])}-${between(random, 100000, 999999)}`,
  });
  const paidBy = Math.min(due + between(random, -10, 25), 0);
  const firstPart = Math.round(totalFen * (share === 1 && random() < 0.3 ? 0.5 : share));
  const payments = [payment(1, firstPart, Math.max(issued + 1, paidBy - between(random, 0, 20)))];
  if (share === 1 && firstPart < totalFen) payments.push(payment(2, totalFen - firstPart, paidBy));
  return payments;
}
