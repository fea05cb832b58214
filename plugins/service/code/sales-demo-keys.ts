/**
 * The demo keys of the sales pack's accounts and contacts that service cases name (sales's
 * generator in plugins/sales/index.ts makes them; a key that names no record refuses the install).
 */
export const SALES_ACCOUNTS = 300;
export const SALES_CONTACTS = 600;

export const salesAccountKey = (index: number) => `acct-${String(index).padStart(3, '0')}`;

/** A contact of the account: sales makes about two per account. */
export function salesContactKey(account: number, random: () => number): string {
  const contact = Math.min(SALES_CONTACTS, (account - 1) * 2 + 1 + Math.floor(random() * 2));
  return `contact-${String(contact).padStart(3, '0')}`;
}
