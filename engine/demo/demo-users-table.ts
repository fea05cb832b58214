import type { DemoUser } from './demo-tenant.js';

/** The demo users as a plain-text table for the console (e-mail, role, password), columns padded to fit. */
export function demoUsersTable(users: readonly DemoUser[]): string {
  const rows = [['E-mail', 'Role', 'Password'], ...users.map((user) => [user.email, user.role ?? '-', user.password])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
