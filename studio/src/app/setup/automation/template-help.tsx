import { useTranslation } from 'react-i18next';

/** How a template inserts the record's fields; the example is written apart, as i18next would read its braces. */
export function TemplateHelp() {
  const { t } = useTranslation();
  return (
    <>
      {t('setup.automation.templateHelp')} <code>{'{{name}}'}</code>
    </>
  );
}
