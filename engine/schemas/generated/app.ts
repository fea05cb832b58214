/* Generated from app.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

/**
 * The app's icon: one of these Ant Design icons. Default AppstoreOutlined.
 *
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "AppIcon".
 */
export type AppIcon =
  | 'AccountBookOutlined'
  | 'AppstoreOutlined'
  | 'AuditOutlined'
  | 'BankOutlined'
  | 'BarChartOutlined'
  | 'BookOutlined'
  | 'CalendarOutlined'
  | 'CarOutlined'
  | 'ContactsOutlined'
  | 'ContainerOutlined'
  | 'CreditCardOutlined'
  | 'CustomerServiceOutlined'
  | 'DollarOutlined'
  | 'ExperimentOutlined'
  | 'FileDoneOutlined'
  | 'FileTextOutlined'
  | 'FlagOutlined'
  | 'FundOutlined'
  | 'GiftOutlined'
  | 'HomeOutlined'
  | 'IdcardOutlined'
  | 'InboxOutlined'
  | 'MailOutlined'
  | 'MedicineBoxOutlined'
  | 'NotificationOutlined'
  | 'PhoneOutlined'
  | 'ProjectOutlined'
  | 'ReconciliationOutlined'
  | 'RocketOutlined'
  | 'ScheduleOutlined'
  | 'SettingOutlined'
  | 'ShopOutlined'
  | 'ShoppingCartOutlined'
  | 'SolutionOutlined'
  | 'TeamOutlined'
  | 'ToolOutlined'
  | 'TrophyOutlined'
  | 'UserOutlined';
/**
 * A tab: the list of an object's records, or a page of the web app.
 *
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Tab".
 */
export type AppTab = ObjectTab | PageTab;
/**
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ApiName".
 */
export type ApiName = string;

/**
 * An app: the tabs of one line of work (Sales, Procurement ...), in the web app's navigation, for the users of the permission sets it names.
 */
export interface AppDefinition {
  /**
   * API name of the app, unique in the tenant, e.g. sales.
   */
  name: string;
  label?: LocalizedText;
  /**
   * A note for admins on who the app is for.
   */
  description?: string;
  icon?: AppIcon;
  /**
   * Where the app stands in the app switcher: lower first, then by name. Default 0.
   */
  order?: number;
  /**
   * The app's tabs in the order the navigation shows them.
   *
   * @minItems 1
   * @maxItems 30
   */
  tabs: [AppTab, ...AppTab[]];
  /**
   * The permission sets whose users see the app. Absent or empty: every user sees it.
   *
   * @maxItems 100
   */
  permissionSets?: ApiName[];
}
/**
 * A text in each supported language; the engine falls back to English, then to the API name.
 *
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  en?: string;
  'zh-CN'?: string;
}
export interface ObjectTab {
  /**
   * The object whose records the tab lists; left out for users who may not read it.
   */
  object: string;
}
export interface PageTab {
  /**
   * A path of the web app, e.g. / (home) or /approvals.
   */
  page: string;
  label?: LocalizedText;
}
