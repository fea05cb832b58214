import { expect } from 'chai';
import { bearer, createUser, tokenFor } from './auth-helpers.js';
import type { TestEngine, TestResponse } from './test-engine.js';

const PASSWORD = 'an approvals password';

export interface Person {
  id: string;
  token: string;
  as(method: string, path: string, body?: unknown): Promise<TestResponse>;
}

/**
 * A purchasing department: a requester whose manager approves first, a CFO who approves large
 * requests, two finance clerks; the purchase_request object, its permission set and roles.
 */
export async function purchasingDepartment(engine: TestEngine): Promise<Record<'requester' | 'manager' | 'cfo' | 'clerk' | 'clerk2' | 'outsider', Person>> {
  const ok = async (response: Promise<TestResponse>, status = 201) => {
    const result = await response;
    expect(result.status, JSON.stringify(result.body)).to.equal(status);
    return result.body;
  };
  for (const role of [{ name: 'cfo' }, { name: 'finance' }, { name: 'staff' }]) await ok(engine.request('POST', '/api/v1/meta/roles', role));
  await ok(
    engine.request('POST', '/api/v1/meta/objects', {
      name: 'purchase_request',
      sharing: 'private',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'number', required: true },
        { name: 'status', type: 'picklist', values: ['draft', 'submitted', 'approved', 'rejected'], default: 'draft' },
        { name: 'approved_on', type: 'date' },
      ],
    }),
  );
  await ok(engine.request('POST', '/api/v1/meta/permission-sets', { name: 'purchasing', objects: { purchase_request: { create: true, read: true, edit: true, delete: true } } }));
  const people: Record<string, Person> = {};
  const make = async (key: string, values: Record<string, unknown>) => {
    people[key] = await addPerson(engine, key, values);
  };
  await make('manager', { role: 'staff' });
  await make('cfo', { role: 'cfo' });
  await make('clerk', { role: 'finance' });
  await make('clerk2', { role: 'finance' });
  await make('outsider', { role: 'staff' });
  await make('requester', { role: 'staff', manager: people.manager!.id });
  return people as Record<'requester' | 'manager' | 'cfo' | 'clerk' | 'clerk2' | 'outsider', Person>;
}

/** One more member of the department: a user `<key>@example.com` who may purchase, with an API token. */
export async function addPerson(engine: TestEngine, key: string, values: Record<string, unknown> = {}): Promise<Person> {
  const email = `${key}@example.com`;
  const id = await createUser(engine, { full_name: key, email, permission_sets: ['standard_user', 'purchasing'], ...values }, PASSWORD);
  return personOn(engine, { id, token: await tokenFor(engine, email, PASSWORD) });
}

/** The same person calling another engine (a restarted one over the same data: their token is stored there). */
export function personOn(engine: TestEngine, person: Pick<Person, 'id' | 'token'>): Person {
  return { id: person.id, token: person.token, as: (method, path, body) => engine.request(method, path, body, bearer(person.token)) };
}

/** Manager, then the CFO above 50,000, then finance: the usual purchase approval. */
export const PURCHASE_APPROVAL = {
  name: 'purchase_approval',
  object: 'purchase_request',
  label: { en: 'Purchase approval', 'zh-CN': '采购审批' },
  entryCriteria: 'amount > 0',
  steps: [
    { name: 'manager', label: { en: 'Manager', 'zh-CN': '经理' }, approvers: [{ submitterManager: true }] },
    { name: 'cfo', condition: 'amount > 50000', approvers: [{ role: 'cfo' }] },
    { name: 'finance', approvers: [{ role: 'finance' }], onReject: 'final' },
  ],
  onSubmit: [{ setField: 'status', value: 'submitted' }],
  onApprove: [{ setField: 'status', value: 'approved' }, { setField: 'approved_on', expression: '$today' }],
  onReject: [{ setField: 'status', value: 'rejected' }],
  onRecall: [{ setField: 'status', value: 'draft' }],
};

/** The purchasing department with the purchase approval process in place: the set-up of the flow specs. */
export async function purchasingWithApproval(engine: TestEngine): Promise<Awaited<ReturnType<typeof purchasingDepartment>>> {
  const people = await purchasingDepartment(engine);
  const created = await engine.request('POST', '/api/v1/meta/approval-processes', PURCHASE_APPROVAL);
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  return people;
}
