/**
 * The demo keys of the sales pack's accounts and contacts that service cases name (the sales
 * generator, plugins/sales/demo/demo-customers.ts, makes `acct-001` … with two contacts each,
 * `acct-001-c1` and `-c2`); a key that names no record refuses the install.
 */
export const SALES_ACCOUNTS = 300;

export const salesAccountKey = (account: number) => `acct-${String(account).padStart(3, '0')}`;

export const salesContactKey = (account: number, contact: 1 | 2) => `${salesAccountKey(account)}-c${contact}`;
