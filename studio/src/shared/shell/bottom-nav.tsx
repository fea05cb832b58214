import { MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NavTab } from './navigation';
import { TabIcon } from './tab-icon';

/** How many tabs fit beside "More" at 390 px. */
const SHOWN = 4;

/** On phones: the first tabs of the app at the bottom of the screen, and "More" for the rest (the menu drawer). */
export function BottomNav({ tabs, selected, label, onMore }: { tabs: readonly NavTab[]; selected: string | undefined; label: (tab: NavTab) => string; onMore: () => void }) {
  const { t } = useTranslation();
  return (
    <nav className="bottom-nav" aria-label={t('app.tabs')}>
      {tabs.slice(0, SHOWN).map((tab) => (
        <Link key={tab.path} to={tab.path} className="bottom-nav-item" aria-current={tab.path === selected ? 'page' : undefined}>
          <TabIcon tab={tab} />
          <span>{label(tab)}</span>
        </Link>
      ))}
      <button type="button" className="bottom-nav-item" onClick={onMore}>
        <MenuOutlined aria-hidden />
        <span>{t('app.more')}</span>
      </button>
    </nav>
  );
}
