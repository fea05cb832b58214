import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarOutlined,
  ContactsOutlined,
  ContainerOutlined,
  CreditCardOutlined,
  CustomerServiceOutlined,
  DollarOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  MailOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ProjectOutlined,
  ReconciliationOutlined,
  RocketOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { IconName } from './icon-names';

/** The icons of apps and objects (icon-names.ts), loaded apart from the shell. */
const ICONS: Readonly<Record<IconName, ComponentType>> = {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarOutlined,
  ContactsOutlined,
  ContainerOutlined,
  CreditCardOutlined,
  CustomerServiceOutlined,
  DollarOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  MailOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ProjectOutlined,
  ReconciliationOutlined,
  RocketOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
};

/**
 * The icon of an app by its name: one of ICONS, else the generic app icon. Only the table's own
 * entries count: a name a newer server or a plugin sends, or one like `constructor` that every
 * object inherits, must never draw nothing (or throw) in its place.
 */
export function appIconOf(name: string): ComponentType {
  return Object.hasOwn(ICONS, name) ? ICONS[name as IconName] : AppstoreOutlined;
}

export default function NavIcon({ name }: { name: string }) {
  const Icon = appIconOf(name);
  return <Icon aria-hidden />;
}
