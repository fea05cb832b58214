/**
 * What finance's demo orders and invoices name of the sales pack's demo data (plugins/sales/demo):
 * its accounts `acct-001` … `acct-300` and its products `product-<code>` with their list prices and
 * families. `{ "$key": "acct-017" }` resolves among the records the sales install made (finance
 * requires sales). Kept in one place so that a change of the sales generator is one edit here.
 */
export const SALES_DEMO_ACCOUNTS = 300;

export function salesAccountKey(index: number): string {
  return `acct-${String(index + 1).padStart(3, '0')}`;
}

export interface SalesDemoProduct {
  readonly key: string;
  readonly family: 'hardware' | 'software' | 'subscription' | 'service' | 'training';
  readonly price: number;
}

const PRODUCTS: readonly (readonly [code: string, family: SalesDemoProduct['family'], price: number])[] = [
  ['GW-100', 'hardware', 4800], ['GW-200', 'hardware', 9600], ['SN-010', 'hardware', 680], ['SN-020', 'hardware', 320],
  ['SN-030', 'hardware', 1500], ['CM-100', 'hardware', 7200], ['SW-PLT', 'software', 120000], ['SW-ANL', 'software', 45000],
  ['SW-MES', 'software', 30000], ['SW-MOB', 'software', 8000], ['SB-STD', 'subscription', 36000], ['SB-PRO', 'subscription', 72000],
  ['SB-DEV', 'subscription', 12000], ['SV-IMP', 'service', 3000], ['SV-INT', 'service', 80000], ['SV-SUP', 'service', 24000],
  ['SV-AUD', 'service', 15000], ['TR-ADM', 'training', 6000], ['TR-USR', 'training', 4000], ['TR-DEV', 'training', 9000],
];

export const SALES_DEMO_PRODUCTS: readonly SalesDemoProduct[] = PRODUCTS.map(([code, family, price]) => ({ key: `product-${code}`, family, price }));
