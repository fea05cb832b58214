import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';

/** One demo user per finance role (`<role>@demo.crm.local`), with the permission sets of their level. */
export const FINANCE_DEMO_USERS = [
  { role: 'finance_director', full_name: '周晓岚 Zhou Xiaolan', permission_sets: ['finance_manager'] },
  { role: 'finance_manager', full_name: 'Michael Chen 陈明', permission_sets: ['finance_manager'] },
  { role: 'finance_clerk', full_name: '李婷 Li Ting', permission_sets: ['finance_user'] },
] as const;

export function demoUsers(): DemoRecord[] {
  return FINANCE_DEMO_USERS.map((user) => ({
    _key: `user-${user.role}`,
    full_name: user.full_name,
    email: `${user.role}@demo.crm.local`,
    role: user.role,
    permission_sets: [...user.permission_sets],
  }));
}
