import type { DemoDataContext } from '../../../engine/packs/index.js';
import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { demoUsers } from './demo-users.js';
import { demoExpenseClaims } from './demo-expense-claims.js';
import { demoReceivables } from './demo-receivables.js';

/** The finance pack's demo records for the day of the install: its users, a year of orders, invoices and payments, and of expense claims. */
export function financeDemoData(context: DemoDataContext): Record<string, DemoRecord[]> {
  return {
    user: demoUsers(),
    ...demoReceivables(context),
    expense_claim: demoExpenseClaims(context),
  };
}
