import { APPROVED_ON_FIELD, DEAL_APPROVAL, STATUS_FIELD } from './approval-org.js';
import { send, type Caller } from './sales-rep-checks.js';
import { OBJECT_NAME } from './seed.js';

export interface ApprovalCheck {
  /** What did not hold; empty when everything did. */
  problems: string[];
  /** Deals in all, and how many the list counts with `approval_status = approved` and with any other status. */
  seeded: number;
  approvedTotal: number | null;
  notApprovedTotal: number | null;
  /** Records whose approval (GET …/approval) and record were read one by one. */
  sampled: number;
  /** What is left in the approvers' inboxes. */
  inbox: Record<'manager' | 'finance', number | null>;
}

const records = (query = '') => `/api/v1/records/${OBJECT_NAME}${query}`;
const count = async (admin: Caller, filter: unknown): Promise<number | null> => {
  const answer = await send(admin, 'GET', records(`?filter=${encodeURIComponent(JSON.stringify(filter))}&limit=1&total=true`));
  return answer.status === 200 && typeof answer.body.total === 'number' ? answer.body.total : null;
};
/** The history each record must end with: submitted, approved at each step, approved by the process. */
const HISTORY = ['submit:', ...DEAL_APPROVAL.steps.map((step) => `approve:${step.name}`), `approved:${DEAL_APPROVAL.steps.at(-1)!.name}`];

/**
 * After the run: every seeded deal approved, by the list's count on the field the final approval
 * sets; a sample of the measured deals, spread over them, read one by one (the approval view as
 * its requester sees it, the record's fields);
 * no item left in either approver's inbox.
 */
export async function checkAllApproved(
  admin: Caller,
  people: Record<'requester' | 'manager' | 'finance', Caller & { id: string }>,
  seeded: number,
  measured: readonly string[],
  sampleSize: number,
): Promise<ApprovalCheck> {
  const problems: string[] = [];
  const approvedTotal = await count(admin, { [STATUS_FIELD]: 'approved' });
  const notApprovedTotal = await count(admin, { [STATUS_FIELD]: { ne: 'approved' } });
  if (approvedTotal !== seeded) problems.push(`the list counts ${approvedTotal} deals with ${STATUS_FIELD} = approved, not ${seeded}`);
  if (notApprovedTotal !== 0) problems.push(`the list counts ${notApprovedTotal} deals with another ${STATUS_FIELD}, not 0`);

  const size = Math.min(sampleSize, measured.length);
  const sample = Array.from({ length: size }, (_, i) => measured[Math.floor((i * measured.length) / size)]!);
  for (const id of sample) {
    const view = await send(people.requester, 'GET', records(`/${id}/approval`));
    const history = ((view.body.history ?? []) as { action: string; step: string | null; actor: string }[]).map((entry) => `${entry.action}:${entry.step ?? ''}`);
    if (view.status !== 200 || view.body.status !== 'approved' || view.body.step !== null || view.body.locked !== false || (view.body.pending ?? []).length > 0) {
      problems.push(`the approval of ${id} reads ${view.status} ${JSON.stringify({ status: view.body.status, step: view.body.step, locked: view.body.locked, pending: view.body.pending })}`);
    } else if (JSON.stringify(history) !== JSON.stringify(HISTORY)) {
      problems.push(`the approval history of ${id} is ${history.join(', ')}, not ${HISTORY.join(', ')}`);
    }
    const record = await send(people.requester, 'GET', records(`/${id}`));
    if (record.body[STATUS_FIELD] !== 'approved' || !/^\d{4}-\d{2}-\d{2}$/.test(String(record.body[APPROVED_ON_FIELD]))) {
      problems.push(`deal ${id} reads ${STATUS_FIELD} ${record.body[STATUS_FIELD]}, ${APPROVED_ON_FIELD} ${record.body[APPROVED_ON_FIELD]}`);
    }
  }

  const inbox = { manager: null as number | null, finance: null as number | null };
  for (const who of ['manager', 'finance'] as const) {
    const answer = await send(people[who], 'GET', '/api/v1/approvals/inbox');
    inbox[who] = answer.status === 200 ? (answer.body.items as unknown[]).length : null;
    if (inbox[who] !== 0) problems.push(`the ${who}'s inbox answered ${answer.status} with ${inbox[who]} items, not 0`);
  }
  return { problems, seeded, approvedTotal, notApprovedTotal, sampled: sample.length, inbox };
}
