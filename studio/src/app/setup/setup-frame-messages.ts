import { bilingual } from '../../shared/i18n/bilingual';

/** The setup area's frame: its title, refusal and navigation. */
export const setupFrameMessages = bilingual(
  {
    title: 'Setup',
    section: 'Setup section',
    backHome: 'Back to home',
    forbiddenTitle: 'You need the setup right to open this page',
    forbiddenHint: 'Setup is for administrators: it needs a permission set with "Manage metadata", "Manage users" or "View audit log". Ask your administrator if you should have it.',
    changedElsewhere: 'Someone else changed this since you opened it; nothing was saved. Reload the page to see their change, then apply yours again.',
    groups: {
      model: 'Data model',
      security: 'Security',
      operations: 'Operations',
      automation: 'Automation',
    },
    nav: {
      objects: 'Objects',
      layouts: 'Layouts',
      listViews: 'List views',
      apps: 'Apps',
      users: 'Users',
      roles: 'Roles',
      permissionSets: 'Permission sets',
      sharingRules: 'Sharing rules',
      groups: 'Groups',
      explainAccess: 'Explain access',
      approvalProcesses: 'Approval processes',
    },
  },
  {
    title: '设置',
    section: '设置分区',
    backHome: '返回首页',
    forbiddenTitle: '您需要设置权限才能打开此页面',
    forbiddenHint: '设置面向管理员：需要包含“管理元数据”“管理用户”或“查看审计日志”的权限集。如果您应当拥有此权限，请联系管理员。',
    changedElsewhere: '在你打开后，其他人修改了此内容；未保存任何内容。请刷新页面查看对方的修改，然后重新应用你的修改。',
    groups: {
      model: '数据模型',
      security: '安全',
      operations: '运维',
      automation: '自动化',
    },
    nav: {
      objects: '对象',
      layouts: '布局',
      listViews: '列表视图',
      apps: '应用',
      users: '用户',
      roles: '角色',
      permissionSets: '权限集',
      sharingRules: '共享规则',
      groups: '组',
      explainAccess: '访问说明',
      approvalProcesses: '审批流程',
    },
  },
);
