/**
 * The icons apps and objects may name: the enum Icon of the metadata schemas (common.schema.json)
 * lists the same (a test holds them equal), so a name the server accepts always draws.
 */
export const ICON_NAMES = [
  'AccountBookOutlined',
  'AppstoreOutlined',
  'AuditOutlined',
  'BankOutlined',
  'BarChartOutlined',
  'BookOutlined',
  'CalendarOutlined',
  'CarOutlined',
  'ContactsOutlined',
  'ContainerOutlined',
  'CreditCardOutlined',
  'CustomerServiceOutlined',
  'DollarOutlined',
  'ExperimentOutlined',
  'FileDoneOutlined',
  'FileTextOutlined',
  'FlagOutlined',
  'FundOutlined',
  'GiftOutlined',
  'HomeOutlined',
  'IdcardOutlined',
  'InboxOutlined',
  'MailOutlined',
  'MedicineBoxOutlined',
  'NotificationOutlined',
  'PhoneOutlined',
  'ProjectOutlined',
  'ReconciliationOutlined',
  'RocketOutlined',
  'ScheduleOutlined',
  'SettingOutlined',
  'ShopOutlined',
  'ShoppingCartOutlined',
  'SolutionOutlined',
  'TeamOutlined',
  'ToolOutlined',
  'TrophyOutlined',
  'UserOutlined',
] as const;

export type IconName = (typeof ICON_NAMES)[number];

