import type { DemoDataContext } from '../../../engine/packs/index.js';
import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { ARTICLES, CATEGORIES, CHINESE_FAMILY, CHINESE_GIVEN, FAMILY_NAMES, GIVEN_NAMES, RESOLUTIONS, SUBJECTS, SURVEY_COMMENTS, type Category } from './demo-names.js';
import { dueTimes } from './sla-clock.js';
import { DEFAULT_TARGETS } from './default-targets.js';
import { salesAccountKey, salesContactKey, SALES_ACCOUNTS } from './sales-demo-keys.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CASES = 900;
const AGENTS = 8;
const HANDOVER_REASONS = ['Needs a billing specialist', 'Shift change', '需要技术专家协助', 'Customer asked for a Mandarin speaker', '客户要求升级处理'];

const agentKey = (agent: number) => `svc-agent-${agent}`;
/** `service_agent@demo.crm.local`, then `service_agent2@…`, as every pack's demo users are addressed. */
const email = (role: string, n: number) => `${role}${n === 1 ? '' : n}@demo.crm.local`;

type Pick = <T>(items: readonly T[]) => T;

/**
 * The service pack's demo: its people (a director, two managers, eight agents), knowledge articles,
 * a year of cases naming the sales demo's accounts and contacts, their hand-overs and the surveys
 * customers answered. Hooks do not run for a first install's demo records, so the SLA fields are
 * computed here with the clock the hooks use (sla-clock.ts).
 */
export function serviceDemoData({ today, random }: DemoDataContext): Record<string, DemoRecord[]> {
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const users = demoUsers(random, pick);
  const articles = demoArticles(today, random);
  const cases: DemoRecord[] = [];
  const handovers: DemoRecord[] = [];
  const surveys: DemoRecord[] = [];
  for (let index = 1; index <= CASES; index++) {
    const agent = 1 + Math.floor(random() * AGENTS);
    const made = demoCase(index, today, random, pick, articles);
    // New cases wait in their queue; the others are with the agent who took them.
    if (made.record.status !== 'new') made.record._owner = { $key: agentKey(agent) };
    cases.push(made.record);
    if (made.record.status !== 'new' && random() < 0.12) {
      const from = 1 + ((agent + Math.floor(random() * (AGENTS - 1))) % AGENTS);
      handovers.push({
        _key: `handover-${index}`, case: { $key: made.record._key }, handed_over_by: { $key: agentKey(from) }, to_owner: { $key: agentKey(agent) },
        reason: pick(HANDOVER_REASONS), handed_over_at: new Date(made.opened + 2 * HOUR).toISOString(),
      });
    }
    if (made.record.status === 'closed' && random() < 0.75) surveys.push(demoSurvey(made, agent, random, pick));
  }
  return { user: users, knowledge_article: articles.map((article) => article.record), case: cases, case_handover: handovers, case_survey: surveys };
}

function personName(random: () => number, pick: Pick): string {
  return random() < 0.5 ? `${pick(GIVEN_NAMES)} ${pick(FAMILY_NAMES)}` : `${pick(CHINESE_FAMILY)}${pick(CHINESE_GIVEN)}${random() < 0.5 ? pick(CHINESE_GIVEN) : ''}`;
}

/** A director, two managers and their agents, each with the role and permission sets of their level. */
function demoUsers(random: () => number, pick: Pick): DemoRecord[] {
  const user = (key: string, role: string, n: number, sets: string[], manager?: string): DemoRecord => ({
    _key: key, full_name: personName(random, pick), email: email(role, n), role, permission_sets: ['standard_user', ...sets], ...(manager ? { manager: { $key: manager } } : {}),
  });
  const users = [user('svc-director', 'service_director', 1, ['service_manager'])];
  for (const n of [1, 2]) users.push(user(`svc-manager-${n}`, 'service_manager', n, ['service_manager'], 'svc-director'));
  for (let n = 1; n <= AGENTS; n++) users.push(user(agentKey(n), 'service_agent', n, ['service_user'], `svc-manager-${n <= AGENTS / 2 ? 1 : 2}`));
  return users;
}

interface DemoArticle {
  record: DemoRecord;
  category: Category;
}

function demoArticles(today: Date, random: () => number): DemoArticle[] {
  const articles: DemoArticle[] = [];
  for (const category of CATEGORIES) {
    ARTICLES[category].forEach(([title, summary], index) => {
      const roll = random();
      const status = roll < 0.7 ? 'published' : roll < 0.85 ? 'in_review' : 'draft';
      const key = `kb-${category}-${index + 1}`;
      articles.push({
        category,
        record: {
          _key: key, title, category, summary, status, language: /[\u4e00-\u9fff]/.test(title) ? 'zh-CN' : 'en',
          body: `${summary}\n\n1. ${title}.\n2. ${summary}`,
          ...(status === 'published' ? { published_at: new Date(today.getTime() - (30 + Math.floor(random() * 300)) * DAY).toISOString() } : {}),
        },
      });
    });
  }
  return articles;
}

interface DemoCase {
  record: DemoRecord;
  opened: number;
  category: Category;
}

function demoCase(index: number, today: Date, random: () => number, pick: Pick, articles: readonly DemoArticle[]): DemoCase {
  // A year of cases, a few more of them lately; older cases are mostly closed, the last weeks hold the backlog.
  const age = Math.floor(Math.pow(random(), 1.25) * 365 * DAY);
  const opened = today.getTime() - age - Math.floor(random() * 8) * HOUR;
  const category = pick(CATEGORIES);
  const priority = pick(['low', 'medium', 'medium', 'medium', 'high', 'high', 'urgent'] as const);
  const target = DEFAULT_TARGETS[priority]!;
  const due = dueTimes(opened, 0, target);
  const account = 1 + Math.floor(random() * SALES_ACCOUNTS);
  const status = caseStatus(age, random);
  const closedLike = status === 'resolved' || status === 'closed';
  const resolutionDue = Date.parse(due.resolution_due);
  // Most cases are resolved in time; one in six takes longer than its target.
  const late = random() < 0.17;
  const resolvedAt = closedLike ? opened + (late ? 1.3 + random() : 0.2 + random() * 0.7) * (resolutionDue - opened) : undefined;
  const breached = closedLike ? late : resolutionDue < today.getTime();
  const respondedAt = status === 'new' ? undefined : opened + (0.1 + random() * 0.8) * (Date.parse(due.first_response_due) - opened);
  const article = closedLike && random() < 0.4 ? articles.find((candidate) => candidate.category === category && candidate.record.status === 'published') : undefined;
  const record: DemoRecord = {
    _key: `case-${String(index).padStart(4, '0')}`,
    subject: pick(SUBJECTS[category]),
    account: { $key: salesAccountKey(account) },
    contact: { $key: salesContactKey(account, random() < 0.5 ? 1 : 2) },
    channel: pick(['email', 'email', 'phone', 'web', 'chat', 'social']),
    priority, status, category,
    opened_at: new Date(opened).toISOString(),
    ...due,
    sla_status: status === 'waiting_on_customer' && !breached ? 'paused' : closedLike ? (breached ? 'breached' : 'met') : breached ? 'breached' : 'on_track',
    ...(respondedAt !== undefined && respondedAt < today.getTime() ? { first_responded_at: new Date(respondedAt).toISOString() } : {}),
    ...(status === 'waiting_on_customer' ? { sla_paused_at: new Date(today.getTime() - Math.floor(random() * 48) * HOUR).toISOString() } : {}),
    ...(breached && !closedLike ? { escalated: true, escalation_level: 1, ...(status === 'working' ? { status: 'escalated' } : {}) } : {}),
    ...(closedLike ? { resolved_at: new Date(Math.min(resolvedAt!, today.getTime())).toISOString(), resolution: pick(RESOLUTIONS) } : {}),
    ...(article ? { knowledge_article: { $key: article.record._key } } : {}),
    description: pick(SUBJECTS[category]),
  };
  return { record, opened, category };
}

function caseStatus(age: number, random: () => number): string {
  const roll = random();
  if (age > 30 * DAY) return roll < 0.96 ? 'closed' : roll < 0.995 ? 'resolved' : 'working';
  if (age > 7 * DAY) return roll < 0.7 ? 'closed' : roll < 0.87 ? 'resolved' : roll < 0.94 ? 'working' : 'waiting_on_customer';
  return roll < 0.2 ? 'new' : roll < 0.55 ? 'working' : roll < 0.75 ? 'waiting_on_customer' : roll < 0.9 ? 'resolved' : 'closed';
}

function demoSurvey(made: DemoCase, agent: number, random: () => number, pick: Pick): DemoRecord {
  const sent = Date.parse(made.record.resolved_at as string) + HOUR;
  const answered = random() < 0.8;
  // Agents differ: the first ones of the team score a little better.
  const score = Math.max(1, Math.min(5, Math.round(3.2 + (AGENTS - agent) * 0.15 + (random() - 0.35) * 2.5)));
  return {
    _key: `survey-${made.record._key}`,
    case: { $key: made.record._key },
    contact: made.record.contact,
    agent: { $key: agentKey(agent) },
    category: made.category,
    sent_at: new Date(sent).toISOString(),
    status: answered ? 'answered' : 'expired',
    ...(answered ? { score, answered_at: new Date(sent + (2 + random() * 70) * HOUR).toISOString() } : {}),
    ...(answered && random() < 0.6 ? { comment: pick(SURVEY_COMMENTS) } : {}),
  };
}
