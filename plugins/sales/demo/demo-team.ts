import type { DemoRecord } from '../../../engine/packs/pack-data.js';
import type { DemoRandom } from './demo-random.js';
import { staffName } from './demo-names.js';

/** The demo's sales team: a director, three managers, four reps each. */
export interface DemoTeam {
  readonly users: DemoRecord[];
  /** The demo keys of the reps, who own the pipeline. */
  readonly reps: readonly string[];
  /** The demo keys of the managers. */
  readonly managers: readonly string[];
}

const MANAGERS = 3;
const REPS_PER_MANAGER = 4;

/** `sales_rep@demo.crm.local`, then `sales_rep2@…`: each role's first user has the address the docs name. */
function email(role: string, n: number): string {
  return `${role}${n === 1 ? '' : n}@demo.crm.local`;
}

function user(key: string, role: string, n: number, random: DemoRandom, permissionSets: readonly string[], manager?: string): DemoRecord {
  return {
    _key: key,
    full_name: staffName(random),
    email: email(role, n),
    role,
    permission_sets: ['standard_user', ...permissionSets],
    ...(manager ? { manager: { $key: manager } } : {}),
  };
}

export function demoTeam(random: DemoRandom): DemoTeam {
  const users: DemoRecord[] = [user('sales-director', 'sales_director', 1, random, ['sales_manager'])];
  const managers: string[] = [];
  const reps: string[] = [];
  for (let m = 1; m <= MANAGERS; m++) {
    const manager = `sales-manager-${m}`;
    managers.push(manager);
    users.push(user(manager, 'sales_manager', m, random, ['sales_manager'], 'sales-director'));
    for (let r = 1; r <= REPS_PER_MANAGER; r++) {
      const n = (m - 1) * REPS_PER_MANAGER + r;
      const rep = `sales-rep-${n}`;
      reps.push(rep);
      users.push(user(rep, 'sales_rep', n, random, ['sales_user'], manager));
    }
  }
  return { users, reps, managers };
}
