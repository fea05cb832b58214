import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { fromServer } from '../i18n/localize';
import { useLanguage } from '../i18n/use-language';
import type { UserApp } from '../metadata/use-apps';
import { AppIcon } from './app-icon';

/** The current app and a menu of the user's others; picking one opens it. */
export function AppSwitcher({ apps, current, onPick }: { apps: readonly UserApp[]; current: UserApp; onPick: (app: UserApp) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = apps.map((app) => ({ key: app.name, icon: <AppIcon name={app.icon} />, label: fromServer(app.label, language) }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{ items, selectable: true, selectedKeys: [current.name], onClick: ({ key }) => onPick(apps.find((app) => app.name === key)!) }}
    >
      <Button type="text" className="shell-header-button app-switcher" aria-label={t('app.switchApp', { name: fromServer(current.label, language) })}>
        <AppIcon name={current.icon} />
        <span className="app-switcher-label">{fromServer(current.label, language)}</span>
        <span aria-hidden className="app-switcher-caret">▾</span>
      </Button>
    </Dropdown>
  );
}
