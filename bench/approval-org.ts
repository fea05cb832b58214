import { createDefinition, createObject } from '../engine/setup/operations/index.js';
import type { ObjectDefinition } from '../engine/schemas/generated/object.js';
import type { PermissionSetDefinition } from '../engine/schemas/generated/permission-set.js';
import { createRecord, type StoredRecord } from '../engine/records/index.js';
import { ensureFirstAdmin } from '../engine/tenancy/first-admin.js';
import { EmbeddedStoreProvider } from '../engine/store/embedded/index.js';
import { BUILT_IN_ADMIN, Platform, STANDARD_PERMISSION_SET, operationContext } from '../engine/tenancy/index.js';
import { BENCH_ADMIN } from './bench-admin.js';
import { DEAL_OBJECT, OBJECT_NAME, generateRecords, storeRecords } from './seed.js';
import { loadMasterKey } from '../engine/crypto/index.js';

// A small purchasing chain over the foundation's deals: a requester who owns every deal, the
// requester's manager who approves first, and the one user of the finance role who approves last.

/** The field the process moves: draft → submitted on submit, approved on the final approval. */
export const STATUS_FIELD = 'approval_status';
export const APPROVED_ON_FIELD = 'approved_on';
export const FINANCE_ROLE = 'finance';

/** The foundation's 10-field deal, private, with the two fields the process sets. */
export const APPROVAL_DEAL_OBJECT: ObjectDefinition = {
  ...DEAL_OBJECT,
  sharing: 'private',
  fields: [
    ...DEAL_OBJECT.fields!,
    { name: STATUS_FIELD, type: 'picklist', values: ['draft', 'submitted', 'approved', 'rejected'], default: 'draft' },
    { name: APPROVED_ON_FIELD, type: 'date' },
  ],
};

/**
 * Two steps: the submitter's manager, then finance; as an admin would POST it to
 * /api/v1/meta/approval-processes. Not typed as ApprovalProcessDefinition: the generated type reads
 * the schema's untyped `value` of a setField action as an object.
 */
export const DEAL_APPROVAL = {
  name: 'deal_approval',
  object: OBJECT_NAME,
  label: { en: 'Deal approval' },
  entryCriteria: 'amount > 0',
  // Approved deals stay editable, so that the plain update after the approvals measures an update
  // (locked after approval by default, every one of them would answer 409 record_locked).
  lock: { afterApproval: false },
  steps: [
    { name: 'manager', approvers: [{ submitterManager: true }] },
    { name: 'finance', approvers: [{ role: FINANCE_ROLE }] },
  ],
  onSubmit: [{ setField: STATUS_FIELD, value: 'submitted' }],
  onApprove: [
    { setField: STATUS_FIELD, value: 'approved' },
    { setField: APPROVED_ON_FIELD, expression: '$today' },
  ],
  onReject: [{ setField: STATUS_FIELD, value: 'rejected' }],
};

const PURCHASING: PermissionSetDefinition = {
  name: 'purchasing',
  description: 'Requesters and their approvers: deals, to create, read and edit.',
  objects: { [OBJECT_NAME]: { create: true, read: true, edit: true } },
};

export type Person = 'requester' | 'manager' | 'finance';

export interface ApprovalOrg {
  users: Record<Person, { id: string; email: string }>;
}

/**
 * Seeds a fresh directory: the bench's administrator first (as the engine would make it at its
 * first start), the private deal object, the roles, the permission set, the three users and the
 * process through the same operations the API calls, then `recordCount` draft deals owned by the
 * requester through the store port.
 */
export async function seedApprovalOrg(dataDir: string, recordCount: number): Promise<{ org: ApprovalOrg; records: StoredRecord[] }> {
  const platform = new Platform(new EmbeddedStoreProvider(dataDir), loadMasterKey({}, dataDir));
  try {
    const tenant = await platform.tenant();
    // Each step sees the metadata the step before it wrote: a fresh context per operation.
    const ctx = () => operationContext(tenant, BUILT_IN_ADMIN, 'import');
    await ensureFirstAdmin(tenant, BENCH_ADMIN);
    await createObject(ctx(), APPROVAL_DEAL_OBJECT);
    for (const role of ['purchasing_manager', 'purchaser', FINANCE_ROLE]) await createDefinition(ctx(), 'role', { name: role });
    await createDefinition(ctx(), 'permissionSet', PURCHASING);
    const user = async (key: Person, role: string, extra: Record<string, unknown> = {}) => {
      const email = `${key}@example.com`;
      const values = { full_name: key, email, role, permission_sets: [STANDARD_PERMISSION_SET, PURCHASING.name], ...extra };
      return { id: (await createRecord(ctx(), 'user', values))._id, email };
    };
    const manager = await user('manager', 'purchasing_manager');
    const finance = await user('finance', FINANCE_ROLE);
    const requester = await user('requester', 'purchaser', { manager: manager.id });
    await createDefinition(ctx(), 'approvalProcess', DEAL_APPROVAL);

    const records = generateRecords(recordCount).map((record) => ({
      ...record,
      [STATUS_FIELD]: 'draft',
      _owner: requester.id,
      _createdBy: requester.id,
      _updatedBy: requester.id,
    }));
    await storeRecords(tenant, OBJECT_NAME, records);
    return { org: { users: { requester, manager, finance } }, records };
  } finally {
    await platform.close();
  }
}
