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

export default function NavIcon({ name }: { name: string }) {
  const Icon = ICONS[name] ?? AppstoreOutlined;
  return <Icon aria-hidden />;
}
