import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { OrderedList } from '../ordered-list';
import { tabKey, withObjectTab, type AppTabDefinition } from './app-draft';

interface AppTabsControlProps {
  readonly id?: string;
  readonly value?: readonly AppTabDefinition[];
  readonly onChange?: (tabs: AppTabDefinition[]) => void;
  readonly objects: readonly ObjectDefinition[];
}

const HOME = '/';

/**
 * An app's tabs in the navigation's order: objects' lists added from the objects not there yet (and
 * the home page when it was removed), put in order by dragging or the move buttons, removed.
 * A Form.Item passes value and onChange.
 */
export function AppTabsControl({ id, value = [], onChange, objects }: AppTabsControlProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const objectLabel = (name: string) => {
    const object = objects.find((candidate) => candidate.name === name);
    return localize(object?.pluralLabel ?? object?.label, language, name);
  };
  const tabName = (tab: AppTabDefinition) => {
    if ('object' in tab) return objectLabel(tab.object);
    return localize(tab.label, language, tab.page === HOME ? t('setup.apps.homePage') : tab.page);
  };
  const items = value.map((tab) => ({ id: tabKey(tab), name: tabName(tab), tab, extra: 'page' in tab ? <Tag className="ordered-item-tag">{t('setup.apps.pageTab')}</Tag> : undefined }));
  const hasHome = value.some((tab) => 'page' in tab && tab.page === HOME);
  const options = [
    ...(hasHome ? [] : [{ value: `page:${HOME}`, label: t('setup.apps.homePage') }]),
    ...objects.filter((object) => !value.some((tab) => 'object' in tab && tab.object === object.name)).map((object) => ({ value: `object:${object.name}`, label: objectLabel(object.name) })),
  ];
  const add = (key: string) => {
    if (key === `page:${HOME}`) onChange?.([{ page: HOME }, ...value]);
    else onChange?.(withObjectTab(value, key.slice('object:'.length)));
  };
  return (
    <div className="ordered-control">
      <OrderedList items={items} label={t('setup.apps.tabs')} onChange={(next) => onChange?.(next.map((item) => item.tab))} />
      <Select id={id} className="ordered-control-add" value={null} placeholder={t('setup.apps.addTab')} aria-label={t('setup.apps.addTab')} showSearch={{ optionFilterProp: 'label' }} options={options} onChange={add} />
    </div>
  );
}
