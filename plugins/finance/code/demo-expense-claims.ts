import type { DemoDataContext } from '../../../engine/packs/index.js';
import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { between, dayFrom, pick } from './demo-dates.js';
import { FINANCE_DEMO_USERS } from './demo-users.js';

const CLAIMS = 120;
/** A purpose in both languages by category, with the range of a typical amount. */
const PURPOSES: Record<string, { en: string[]; zh: string[]; low: number; high: number }> = {
  travel: { en: ['Flight to Shanghai for the customer review', 'Train to Shenzhen trade fair', 'Flight to Singapore partner summit'], zh: ['赴上海客户评审机票', '深圳展会高铁票', '新加坡合作伙伴峰会机票'], low: 600, high: 9000 },
  lodging: { en: ['Hotel at the Hangzhou project site', 'Two nights in Beijing for the audit'], zh: ['杭州项目现场住宿', '北京审计两晚住宿'], low: 400, high: 3500 },
  meals: { en: ['Dinner with the distributor', 'Team lunch after the quarter close'], zh: ['与经销商晚宴', '季度结账后团队午餐'], low: 150, high: 2400 },
  transport: { en: ['Taxis to customer visits', 'Airport transfers'], zh: ['拜访客户出租车费', '机场接送'], low: 40, high: 600 },
  office: { en: ['Printer toner and paper', 'Monitor for the new clerk'], zh: ['打印机墨粉和纸张', '新员工显示器'], low: 100, high: 2800 },
  training: { en: ['IFRS 16 training course', 'Tax law update seminar'], zh: ['IFRS 16 培训课程', '税法更新研讨会'], low: 1500, high: 16000 },
};
const CATEGORIES = Object.keys(PURPOSES);

/**
 * A year of expense claims of the finance users up to today: older ones approved or paid out (a few
 * rejected), recent ones still drafts. Claims above 10,000 exist, as the director's step needs.
 */
export function demoExpenseClaims({ today, random }: DemoDataContext): DemoRecord[] {
  const claims: DemoRecord[] = [];
  for (let index = 0; index < CLAIMS; index++) {
    const category = pick(random, CATEGORIES);
    const purpose = PURPOSES[category]!;
    const daysAgo = between(random, 0, 364);
    const chinese = random() < 0.5;
    const status = daysAgo < 7 ? 'draft' : daysAgo < 45 ? pick(random, ['approved', 'approved', 'paid', 'rejected']) : pick(random, ['paid', 'paid', 'paid', 'approved', 'rejected']);
    const user = pick(random, FINANCE_DEMO_USERS);
    claims.push({
      _key: `claim-${String(index + 1).padStart(3, '0')}`,
      name: pick(random, chinese ? purpose.zh : purpose.en),
      employee: { $key: `user-${user.role}` },
      claim_date: dayFrom(today, -daysAgo),
      category,
      amount: between(random, purpose.low * 100, purpose.high * 100) / 100,
      status,
      ...(status === 'approved' || status === 'paid' ? { approved_on: dayFrom(today, -daysAgo + between(random, 1, 5)) } : {}),
    });
  }
  return claims;
}
