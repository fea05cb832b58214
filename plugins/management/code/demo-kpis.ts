/**
 * The demo's KPIs: one or two per area, each measured by one of the pack's reports over the other
 * packs' demo records, with the monthly figure its targets are set around. The figures were read
 * from the demo tenant (all packs installed with demo data): targets near them make some months
 * on track and some not, as a real year goes.
 */
export interface DemoKpi {
  readonly key: string;
  readonly name: string;
  readonly area: 'sales' | 'marketing' | 'service' | 'finance' | 'procurement';
  readonly report: string;
  readonly measure: string;
  readonly date_field: string;
  readonly unit: 'money' | 'count' | 'percent' | 'days' | 'score';
  readonly direction: 'higher' | 'lower';
  readonly cumulative: boolean;
  /** Around what a month's target is set: for a KPI that grew over the year, the last full month's. */
  readonly monthly: number;
  /** The demo's figures grew through the year (the sales pipeline's): the targets rise with them. */
  readonly growing: boolean;
  /** Decimals of the targets (money in whole thousands is 0 after rounding to `step`). */
  readonly step: number;
  readonly description: string;
  readonly owner: 'user-coo' | 'user-performance-analyst';
}

export const DEMO_KPIS: readonly DemoKpi[] = [
  { key: 'kpi-bookings', name: 'Bookings 签约额', area: 'sales', report: 'mgmt_won_business', measure: 'sum:amount', date_field: 'close_date', unit: 'money', direction: 'higher', cumulative: true, monthly: 6_500_000, growing: true, step: 10_000, owner: 'user-coo', description: 'The amount of opportunities won in the period, by their close date.' },
  { key: 'kpi-deals-won', name: 'Deals won 赢单数', area: 'sales', report: 'mgmt_won_business', measure: 'count', date_field: 'close_date', unit: 'count', direction: 'higher', cumulative: true, monthly: 48, growing: true, step: 1, owner: 'user-coo', description: 'How many opportunities were won in the period.' },
  { key: 'kpi-win-rate', name: 'Win rate 赢单率', area: 'sales', report: 'mgmt_win_rate', measure: 'avg:is_won', date_field: 'close_date', unit: 'percent', direction: 'higher', cumulative: false, monthly: 33, growing: false, step: 1, owner: 'user-coo', description: 'Of the opportunities closed in the period, the share won.' },
  { key: 'kpi-leads-converted', name: 'Leads converted 线索转化数', area: 'marketing', report: 'mgmt_converted_leads', measure: 'count', date_field: 'converted_on', unit: 'count', direction: 'higher', cumulative: true, monthly: 8, growing: false, step: 1, owner: 'user-performance-analyst', description: 'Leads converted into an account, a contact and an opportunity in the period.' },
  { key: 'kpi-campaign-revenue', name: 'Revenue from campaigns 市场活动赢单收入', area: 'marketing', report: 'mgmt_campaign_revenue', measure: 'sum:amount', date_field: 'close_date', unit: 'money', direction: 'higher', cumulative: true, monthly: 2_400_000, growing: true, step: 10_000, owner: 'user-performance-analyst', description: 'The amount of won opportunities that name a campaign, by their close date.' },
  { key: 'kpi-sla-breaches', name: 'SLA breaches SLA 违约数', area: 'service', report: 'mgmt_sla_breaches', measure: 'count', date_field: 'opened_at', unit: 'count', direction: 'lower', cumulative: true, monthly: 14, growing: false, step: 1, owner: 'user-performance-analyst', description: 'Cases opened in the period that breached their first-response or resolution target.' },
  { key: 'kpi-csat', name: 'Customer satisfaction 客户满意度', area: 'service', report: 'mgmt_csat', measure: 'avg:score', date_field: 'answered_at', unit: 'score', direction: 'higher', cumulative: false, monthly: 4.1, growing: false, step: 0.1, owner: 'user-performance-analyst', description: 'The average score (1–5) of the satisfaction surveys answered in the period.' },
  { key: 'kpi-invoiced-revenue', name: 'Invoiced revenue 开票收入', area: 'finance', report: 'mgmt_invoiced_revenue', measure: 'sum:subtotal', date_field: 'invoice_date', unit: 'money', direction: 'higher', cumulative: true, monthly: 1_900_000, growing: false, step: 10_000, owner: 'user-coo', description: 'Revenue before tax of the invoices issued in the period.' },
  { key: 'kpi-cash-collected', name: 'Cash collected 回款', area: 'finance', report: 'mgmt_cash_collected', measure: 'sum:amount', date_field: 'payment_date', unit: 'money', direction: 'higher', cumulative: true, monthly: 1_700_000, growing: false, step: 10_000, owner: 'user-coo', description: 'Payments received from customers in the period.' },
  { key: 'kpi-expenses', name: 'Expense claims 费用报销', area: 'finance', report: 'mgmt_expenses', measure: 'sum:amount', date_field: 'claim_date', unit: 'money', direction: 'lower', cumulative: true, monthly: 30_000, growing: false, step: 1_000, owner: 'user-performance-analyst', description: 'Approved and paid expense claims dated in the period: kept under budget.' },
  { key: 'kpi-purchase-spend', name: 'Purchase spend 采购支出', area: 'procurement', report: 'mgmt_purchase_spend', measure: 'sum:amount', date_field: 'order_date', unit: 'money', direction: 'lower', cumulative: true, monthly: 700_000, growing: false, step: 10_000, owner: 'user-performance-analyst', description: 'Purchase orders placed in the period (not cancelled): kept within the budget.' },
];
