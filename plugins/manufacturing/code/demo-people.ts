import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';

export const ENGINEERING_MANAGER = 'mfg-engineering-manager';
export const TECHNICIANS = ['mfg-technician-1', 'mfg-technician-2', 'mfg-technician-3', 'mfg-technician-4'] as const;

/** `field_technician@demo.crm.local`, then `field_technician2@…`, as every pack's demo users are addressed. */
const email = (role: string, n: number) => `${role}${n === 1 ? '' : n}@demo.crm.local`;

/** The engineering team and the field technicians, each with the role and permission sets of their level. */
export function demoPeople(): DemoRecord[] {
  const person = (key: string, role: string, n: number, full_name: string, sets: readonly string[], manager?: string): DemoRecord => ({
    _key: key, full_name, email: email(role, n), role, permission_sets: ['standard_user', ...sets], ...(manager ? { manager: { $key: manager } } : {}),
  });
  return [
    person(ENGINEERING_MANAGER, 'engineering_manager', 1, '孙建国 Sun Jianguo', ['manufacturing_manager']),
    person('mfg-engineer-1', 'product_engineer', 1, 'Anna Weber 韦安娜', ['manufacturing_user'], ENGINEERING_MANAGER),
    person('mfg-engineer-2', 'product_engineer', 2, '高磊 Gao Lei', ['manufacturing_user'], ENGINEERING_MANAGER),
    ...['吴刚 Wu Gang', 'Tomás Silva 席尔瓦', '郑海燕 Zheng Haiyan', 'Kenji Tanaka 田中健二'].map((name, index) =>
      person(TECHNICIANS[index]!, 'field_technician', index + 1, name, ['field_service'])),
  ];
}
