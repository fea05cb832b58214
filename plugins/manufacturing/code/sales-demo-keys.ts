/**
 * What the manufacturing demo names of the sales pack's demo (plugins/sales/demo): its accounts
 * `acct-001` … `acct-300`, each with contacts `-c1` and `-c2`, and its products `product-<code>`
 * with their list prices. `{ "$key": … }` resolves among the records the sales install made
 * (manufacturing requires sales); a key that names nothing refuses the install, so a change of the
 * sales generator is one edit here.
 */
export const SALES_ACCOUNTS = 300;

export const accountKey = (index: number) => `acct-${String(index).padStart(3, '0')}`;
export const contactKey = (account: number) => `${accountKey(account)}-c1`;
export const productKey = (code: string) => `product-${code}`;

/** The hardware the demo company makes (its bills of materials, its installed base), with list prices. */
export const MADE: Readonly<Record<string, { readonly price: number; readonly warrantyYears: number }>> = {
  'GW-100': { price: 4800, warrantyYears: 2 },
  'GW-200': { price: 9600, warrantyYears: 2 },
  'SN-010': { price: 680, warrantyYears: 1 },
  'SN-020': { price: 320, warrantyYears: 1 },
  'SN-030': { price: 1500, warrantyYears: 1 },
  'CM-100': { price: 7200, warrantyYears: 2 },
};

/** Products of the sales catalogue offered as options of a configured gateway or camera, with their list prices. */
export const OPTIONS: readonly (readonly [code: string, price: number, low: number, high: number])[] = [
  ['SN-010', 680, 2, 12], ['SN-020', 320, 2, 16], ['SN-030', 1500, 1, 4], ['SW-MOB', 8000, 1, 1], ['SV-IMP', 3000, 1, 3], ['TR-USR', 4000, 1, 1],
];
