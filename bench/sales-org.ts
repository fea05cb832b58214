import { createDefinition, createObject } from '../engine/setup/operations/index.js';
import type { GroupDefinition } from '../engine/schemas/generated/group.js';
import type { PermissionSetDefinition } from '../engine/schemas/generated/permission-set.js';
import type { RoleDefinition } from '../engine/schemas/generated/role.js';
import type { SharingRuleDefinition } from '../engine/schemas/generated/sharing-rule.js';
import { createRecord, type StoredRecord } from '../engine/records/index.js';
import { ensureFirstAdmin } from '../engine/tenancy/first-admin.js';
import { EmbeddedStoreProvider } from '../engine/store/embedded/index.js';
import { BUILT_IN_ADMIN, Platform, STANDARD_PERMISSION_SET, operationContext } from '../engine/tenancy/index.js';
import { BENCH_ADMIN } from './bench-admin.js';
import { DEAL_OBJECT, OBJECT_NAME, generateRecords, seededRandom, storeRecords } from './seed.js';
import { loadMasterKey } from '../engine/crypto/index.js';

// A small sales organisation over the foundation's deals: a role hierarchy, a permission set that
// hides one field, a group and three sharing rules on a private org-wide default.

/** The role of the sales rep the bench signs in as. */
export const REP_ROLE = 'sales_rep_east_enterprise';
/** The peers whose deals the third rule shares with the rep's role. */
export const PEER_ROLE = 'sales_rep_east_smb';

export const SALES_ROLES: RoleDefinition[] = [
  { name: 'vp_sales' },
  { name: 'sales_manager_east', reportsTo: 'vp_sales' },
  { name: 'sales_manager_west', reportsTo: 'vp_sales' },
  { name: REP_ROLE, reportsTo: 'sales_manager_east' },
  { name: PEER_ROLE, reportsTo: 'sales_manager_east' },
  { name: 'sales_rep_west_enterprise', reportsTo: 'sales_manager_west' },
  { name: 'sales_rep_west_smb', reportsTo: 'sales_manager_west' },
];
const REP_ROLES = SALES_ROLES.filter((role) => role.name.startsWith('sales_rep_')).map((role) => role.name);

/** The fields of a deal that sales reps may not read. */
export const HIDDEN_FROM_REPS = ['score'] as const;

export const SALES_PERMISSION_SET: PermissionSetDefinition = {
  name: 'sales_user',
  description: 'Sales reps and managers: deals, without the lead score that sales operations keeps.',
  objects: { [OBJECT_NAME]: { create: true, read: true, edit: true } },
  fields: { [OBJECT_NAME]: Object.fromEntries(HIDDEN_FROM_REPS.map((field) => [field, { read: false, edit: false }])) },
};

const EMEA_DESK = 'emea_desk';

/** The three rules; `visibleToRep` below restates them in plain JavaScript. */
export const SHARING_RULES: SharingRuleDefinition[] = [
  { name: 'closed_deals_east', object: OBJECT_NAME, criteria: { stage: 'closed' }, sharedWith: { roleAndSubordinates: 'sales_manager_east' }, access: 'read' },
  { name: 'emea_deals_to_desk', object: OBJECT_NAME, criteria: { region: 'emea' }, sharedWith: { group: EMEA_DESK }, access: 'read' },
  { name: 'east_smb_to_enterprise', object: OBJECT_NAME, ownedBy: { role: PEER_ROLE }, sharedWith: { role: REP_ROLE }, access: 'read' },
];

export interface SalesUser {
  id: string;
  email: string;
  role: string;
}

export interface SalesOrg {
  users: SalesUser[];
  /** The user the bench signs in as: the first in REP_ROLE. */
  rep: SalesUser;
  /** The named members of the EMEA desk group, the rep among them. */
  emeaDesk: string[];
}

/** User n's role: a VP, a manager per region, then the reps spread over the four rep roles. */
function roleOf(n: number): string {
  if (n === 0) return 'vp_sales';
  if (n <= 2) return n === 1 ? 'sales_manager_east' : 'sales_manager_west';
  return REP_ROLES[(n - 3) % REP_ROLES.length]!;
}

/**
 * Seeds a fresh directory: the bench's administrator first (as the engine would make it at its first
 * start), the private deal object, the roles, the permission set, `userCount` users, the group and
 * the rules through the same operations the API calls, then `recordCount` deals with their owners
 * spread over the users at random, through the store port.
 */
export async function seedSalesOrg(dataDir: string, recordCount: number, userCount: number): Promise<{ org: SalesOrg; records: StoredRecord[] }> {
  const platform = new Platform(new EmbeddedStoreProvider(dataDir), loadMasterKey({}, dataDir));
  try {
    const tenant = await platform.tenant();
    // Each step sees the metadata the step before it wrote: a fresh context per operation.
    const ctx = () => operationContext(tenant, BUILT_IN_ADMIN, 'import');
    await ensureFirstAdmin(tenant, BENCH_ADMIN);
    await createObject(ctx(), { ...DEAL_OBJECT, sharing: 'private', grantAccessUsingHierarchy: true });
    for (const role of SALES_ROLES) await createDefinition(ctx(), 'role', role);
    await createDefinition(ctx(), 'permissionSet', SALES_PERMISSION_SET);
    const users: SalesUser[] = [];
    for (let n = 0; n < Math.max(userCount, 4); n++) {
      const email = `seller${n}@example.com`;
      const role = roleOf(n);
      const values = { full_name: `Seller ${n}`, email, role, permission_sets: [STANDARD_PERMISSION_SET, SALES_PERMISSION_SET.name] };
      users.push({ id: (await createRecord(ctx(), 'user', values))._id, email, role });
    }
    const rep = users.find((user) => user.role === REP_ROLE)!;
    // The rep and one user of each other rep role, by name.
    const emeaDesk = [rep.id, ...REP_ROLES.filter((role) => role !== REP_ROLE).map((role) => users.find((user) => user.role === role)!.id)];
    const group: GroupDefinition = { name: EMEA_DESK, description: 'Sellers covering Europe, the Middle East and Africa.', users: emeaDesk };
    await createDefinition(ctx(), 'group', group);
    for (const rule of SHARING_RULES) await createDefinition(ctx(), 'sharingRule', rule);

    const random = seededRandom(3);
    const records = generateRecords(recordCount).map((record) => {
      const owner = users[Math.floor(random() * users.length)]!.id;
      return { ...record, _owner: owner, _createdBy: owner, _updatedBy: owner };
    });
    await storeRecords(tenant, OBJECT_NAME, records);
    return { org: { users, rep, emeaDesk }, records };
  } finally {
    await platform.close();
  }
}

/**
 * Which deals the rep may read, computed from the seed without the engine: their own (the rep's
 * role has none below it), and one clause per sharing rule above. The bench holds the platform's
 * counts and pages to this.
 */
export function visibleToRep(org: SalesOrg): (deal: StoredRecord) => boolean {
  const peers = new Set(org.users.filter((user) => user.role === PEER_ROLE).map((user) => user.id));
  return (deal) => deal._owner === org.rep.id || deal.stage === 'closed' || deal.region === 'emea' || peers.has(deal._owner);
}
