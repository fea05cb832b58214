/**
 * The texts of the first load in English: the shell, sign-in, home and what every page shares.
 * The pages' own texts are in messages-en.ts, loaded with the first page that needs them (the
 * bundle budget); zh-CN mirrors both and zh-TW is derived from zh-CN.
 */
export const shellEn = {
  app: {
    name: 'CRM',
    skipToContent: 'Skip to content',
    menu: 'Menu',
    navigation: 'Objects',
    home: 'Home',
    apiReference: 'API reference',
    switchApp: 'App: {{name}}. Switch app',
    tabs: 'Tabs',
    more: 'More',
    approvalsBadge: 'Approvals: {{count}} waiting for you',
    search: 'Search',
    setup: 'Setup',
  },
  language: {
    label: 'Language',
    en: 'ENG',
    'zh-CN': '简中',
    'zh-TW': '繁中',
    saveFailed: 'Your language could not be saved: {{message}}',
  },
  signIn: {
    title: 'Sign in',
    subtitle: 'Sign in with your e-mail and password.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    emailRequired: 'Enter your e-mail address.',
    passwordRequired: 'Enter your password.',
    expired: 'Your session has ended. Sign in again to continue where you were.',
  },
  user: {
    account: 'Account',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {{name}}',
    changePassword: 'Change password',
    recycleBin: 'Recycle bin',
  },
  home: {
    title: 'Welcome, {{name}}',
    subtitle: 'Pick what you want to work on.',
    noObjects: 'You have no objects to work with yet',
    noObjectsHint: 'Ask your administrator to give you access to an app or object.',
    noAccessTitle: 'There is nothing here for you yet',
    noAccessText: 'Your account ({{email}}) has no app and no object you may open, so there is nothing to show.',
    noAccessAsk:
      'Ask your administrator to give you a permission set with an app (for example Sales or Procurement) or with read access to the objects you work with. Once they have, reload this page.',
  },
  recent: {
    title: 'Recently opened',
    empty: 'The records you open appear here.',
  },
  value: {
    yes: 'Yes',
    no: 'No',
    empty: '—',
  },
  errors: {
    generic: 'Something went wrong: {{message}}',
    notFound: 'There is nothing at this address.',
    retry: 'Try again',
  },
} as const;

/** The shape every language's texts must have: the English keys, any strings. */
export type MessagesLike<T> = { readonly [K in keyof T]: T[K] extends string ? string : MessagesLike<T[K]> };
