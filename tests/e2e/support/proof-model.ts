/**
 * The names and labels of the setup proof (issue 12), one set per language's run. The engine is
 * shared by every browser spec and the pickers take the first match, so every label here is one no
 * other spec gives (each carries "Proof"/"验证" and its run's tag).
 */
export type Language = 'en' | 'zh-CN';

export interface Labelled {
  readonly en: string;
  readonly zh: string;
}

export function proofModel(language: Language) {
  const tag = language === 'en' ? 'en' : 'zh';
  const TAG = tag.toUpperCase();
  const labelled = (en: string, zh: string): Labelled => ({
    en: `${en} ${TAG}`,
    zh: `${zh} ${TAG}`,
  });
  /** What the admin and the users of this run read: the label in the run's language. */
  const shown = (label: Labelled) => (language === 'en' ? label.en : label.zh);
  const person = (key: string, en: string, zh: string) => ({
    email: `pf.${key}.${tag}@example.com`,
    fullName: language === 'en' ? en : zh,
  });
  return {
    language,
    shown,
    request: {
      name: `pf_buying_request_${tag}`,
      label: labelled('Proof buying request', '验证请购单'),
      plural: labelled('Proof buying requests', '验证请购单据'),
    },
    line: {
      name: `pf_request_line_${tag}`,
      label: labelled('Proof request line', '验证申请明细'),
      plural: labelled('Proof request lines', '验证申请明细行'),
    },
    /** The request's six fields of their own types beside its name (a text), then its formula and roll-up. */
    fields: {
      title: { en: 'Request title', zh: '申请标题' },
      amount: { en: 'Amount', zh: '金额' },
      category: { en: 'Category', zh: '类别' },
      neededBy: { en: 'Needed by', zh: '需要日期' },
      urgent: { en: 'Urgent', zh: '加急' },
      supplierEmail: { en: 'Supplier e-mail', zh: '供应商邮箱' },
      withTax: { en: 'Total with tax', zh: '含税总额' },
      linesTotal: { en: 'Lines total', zh: '明细合计' },
      lineAmount: { en: 'Line amount', zh: '明细金额' },
      lineRequest: { en: 'Request', zh: '所属申请' },
    },
    categories: [
      { en: 'Hardware', zh: '硬件' },
      { en: 'Software', zh: '软件' },
    ],
    rule: {
      name: 'pf_amount_positive',
      message: { en: 'The amount must be above zero', zh: '金额必须大于零' },
    },
    layout: {
      label: { en: `Proof request form ${TAG}`, zh: `验证申请表单 ${TAG}` },
      sections: [
        { en: 'Request', zh: '申请' },
        { en: 'Details', zh: '详细信息' },
      ],
    },
    listView: {
      name: `pf_${tag}_big`,
      label: labelled('Proof big requests', '验证大额申请'),
    },
    // Labels that are no other spec's label, nor contain one: pickers and locators match by substring.
    roles: {
      finance: {
        name: `pf_finance_${tag}`,
        label: labelled('Proof treasury', '验证司库'),
      },
      manager: {
        name: `pf_manager_${tag}`,
        label: labelled('Proof approving lead', '验证审批主管'),
      },
      requester: {
        name: `pf_requester_${tag}`,
        label: labelled('Proof applicant', '验证申请者'),
      },
    },
    permissionSet: {
      name: `pf_buyers_${tag}`,
      label: labelled('Proof buyers access', '验证请购权限'),
    },
    app: {
      name: `pf_app_${tag}`,
      label: labelled('Proof buying app', '验证请购应用'),
    },
    people: {
      requester: person('requester', 'Penny Proof-Requester', '裴申请'),
      manager: person('manager', 'Max Proof-Manager', '马经理'),
      finance: person('finance', 'Fay Proof-Finance', '费财务'),
    },
    process: {
      name: `pf_approval_${tag}`,
      label: labelled('Proof buying approval', '验证请购审批'),
    },
    /** The approval steps' labels (each run's process is its own: no tag needed). */
    steps: {
      manager: { en: 'Proof manager step', zh: '验证经理审批' },
      finance: { en: 'Proof finance step', zh: '验证财务审批' },
      director: { en: 'Proof director step', zh: '验证总监审批' },
    },
    /** The third step is asked only above this amount. */
    threshold: 50000,
  };
}

export type ProofModel = ReturnType<typeof proofModel>;
