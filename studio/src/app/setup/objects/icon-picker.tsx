import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppIcon } from '../../../shared/shell/app-icon';
import { ICON_NAMES } from '../../../shared/shell/icon-names';

/**
 * Picks one of the icons apps and objects may name, each shown with its name in the reader's
 * language and found by typing that name. A Form.Item passes value and onChange.
 */
export function IconPicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const options = ICON_NAMES.map((name) => ({
    value: name,
    text: t(`setup.icons.${name}`),
    label: (
      <span className="icon-picker-option">
        <AppIcon name={name} />
        <span>{t(`setup.icons.${name}`)}</span>
      </span>
    ),
  }));
  return (
    <Select
      id={id}
      className="icon-picker"
      value={value || undefined}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'text' }}
      placeholder={t('setup.icons.FileTextOutlined')}
    />
  );
}
