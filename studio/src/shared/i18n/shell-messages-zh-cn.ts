import type { MessagesLike, shellEn } from './shell-messages-en';

/** 首次加载的简体中文文本（外壳、登录、首页及各页共用），与英文的键一一对应。 */
export const shellZhCN = {
  app: {
    name: 'CRM',
    skipToContent: '跳到正文',
    menu: '菜单',
    navigation: '对象',
    home: '首页',
    apiReference: 'API 参考',
    switchApp: '应用：{{name}}。切换应用',
    tabs: '标签页',
    more: '更多',
    approvalsBadge: '审批：{{count}} 项待我处理',
    search: '搜索',
    setup: '设置',
  },
  language: {
    label: '语言',
    en: 'ENG',
    'zh-CN': '简中',
    'zh-TW': '繁中',
    saveFailed: '无法保存语言设置：{{message}}',
  },
  signIn: {
    title: '登录',
    subtitle: '使用电子邮件和密码登录。',
    email: '电子邮件',
    password: '密码',
    submit: '登录',
    emailRequired: '请输入电子邮件地址。',
    passwordRequired: '请输入密码。',
    expired: '会话已结束。请重新登录，然后回到刚才的页面。',
  },
  user: {
    account: '账户',
    signOut: '退出登录',
    signedInAs: '当前用户：{{name}}',
    changePassword: '修改密码',
    recycleBin: '回收站',
  },
  home: {
    title: '欢迎，{{name}}',
    subtitle: '选择要处理的内容。',
    noObjects: '暂时没有可用的对象',
    noObjectsHint: '请联系管理员为您开通应用或对象的访问权限。',
    noAccessTitle: '这里暂时没有您可以使用的内容',
    noAccessText: '您的账户（{{email}}）还没有任何应用，也没有可以打开的对象，因此这里没有可显示的内容。',
    noAccessAsk: '请联系管理员，为您分配包含应用（例如“销售”或“采购”）或包含所需对象读取权限的权限集。分配完成后，刷新本页面即可。',
  },
  recent: {
    title: '最近打开',
    empty: '您打开过的记录会显示在这里。',
  },
  value: {
    yes: '是',
    no: '否',
    empty: '—',
  },
  errors: {
    generic: '出错了：{{message}}',
    notFound: '此地址没有内容。',
    retry: '重试',
  },
} as const satisfies MessagesLike<typeof shellEn>;
