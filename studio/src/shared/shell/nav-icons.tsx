import {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DollarOutlined,
  FileTextOutlined,
  HomeOutlined,
  ProjectOutlined,
  RocketOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

/** The icons an app may name (the app kind's schema lists the same), loaded apart from the shell. */
const ICONS: Readonly<Record<string, ComponentType>> = {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DollarOutlined,
  FileTextOutlined,
  HomeOutlined,
  ProjectOutlined,
  RocketOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
};

/**
 * The icon of an app by its name: one of ICONS, else the generic app icon. Only the table's own
 * entries count: a name a newer server or a plugin sends, or one like `constructor` that every
 * object inherits, must never draw nothing (or throw) in its place.
 */
export function appIconOf(name: string): ComponentType {
  return Object.hasOwn(ICONS, name) ? ICONS[name]! : AppstoreOutlined;
}

export default function NavIcon({ name }: { name: string }) {
  const Icon = appIconOf(name);
  return <Icon aria-hidden />;
}
