import type { DemoTenant, DemoUser } from './demo-tenant.js';

/**
 * What `npm start` prints of the demo once the administrator's line is out: the packs installed
 * and skipped, then the demo users with their passwords (the one time they are shown).
 */
export function demoReport({ installed, skipped, users, ms }: DemoTenant): string {
  const packs = installed.map((pack) => pack.name).join(', ') || 'none';
  const skips = skipped.length > 0 ? `; skipped: ${skipped.map((pack) => pack.name).join(', ')} (the log says why)` : '';
  const summary = `Demo tenant: ${installed.length} pack(s) installed with demo data in ${(ms / 1000).toFixed(1)} s (${packs})${skips}. DEMO=0 starts empty.`;
  return users.length > 0 ? `${summary}\nDemo users (passwords shown once):\n${demoUsersTable(users)}` : summary;
}

/** The demo users as a plain-text table for the console (e-mail, role, password), columns padded to fit. */
export function demoUsersTable(users: readonly DemoUser[]): string {
  const rows = [['E-mail', 'Role', 'Password'], ...users.map((user) => [user.email, user.role ?? '-', user.password])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
