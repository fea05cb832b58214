import { AppstoreOutlined, HomeOutlined } from '@ant-design/icons';
import { AppIcon } from './app-icon';
import { DEFAULT_OBJECT_ICON } from './default-object-icon';
import type { NavTab } from './navigation';

/** A navigation tab's icon: home's, an object's own (its default when it names none), a page's generic one. */
export function TabIcon({ tab, className }: { tab: NavTab; className?: string }) {
  if (tab.kind === 'home') return <HomeOutlined className={className} aria-hidden />;
  if (tab.kind === 'object') return <AppIcon name={tab.icon ?? DEFAULT_OBJECT_ICON} className={className} />;
  return <AppstoreOutlined className={className} aria-hidden />;
}
