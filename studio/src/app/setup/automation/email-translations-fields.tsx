import { Collapse, Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { EMAIL_LANGUAGES, type EmailLanguage } from './automation-rule-definition';

/** Each language named in itself, as a reader of it looks for it. */
const LANGUAGE_NAMES: Readonly<Record<EmailLanguage, string>> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };

/**
 * An e-mail's subject and body in other languages, folded away until wanted: each recipient reads
 * the version of the language on their user record. Rendered while folded, so that what an opened
 * rule holds is saved with it.
 */
export function EmailTranslationsFields({ index, path, label }: { index: number; path: readonly (string | number)[]; label: (part: string) => string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // Both parts or neither: a language with only a subject would send an empty body.
  const bothOrNeither = (language: EmailLanguage, other: 'subject' | 'body') => ({
    validator: async (_rule: unknown, value: unknown) => {
      const otherValue = form.getFieldValue([...path, 'translations', language, other] as NamePath) as unknown;
      const filled = (text: unknown) => typeof text === 'string' && text.trim() !== '';
      if (filled(value) !== filled(otherValue) && !filled(value)) throw new Error(t('setup.automation.translationRequired'));
    },
  });
  return (
    <Collapse
      size="small"
      className="email-translations"
      items={[
        {
          key: 'translations',
          label: t('setup.automation.translations'),
          forceRender: true,
          children: (
            <>
              <p className="email-translations-help">{t('setup.automation.translationsHelp')}</p>
              {EMAIL_LANGUAGES.map((language) => (
                <fieldset key={language} className="email-translation">
                  <legend lang={language}>{LANGUAGE_NAMES[language]}</legend>
                  <Form.Item name={[index, 'translations', language, 'subject']} label={t('setup.automation.subject')} dependencies={[[...path, 'translations', language, 'body']]} rules={[bothOrNeither(language, 'body')]}>
                    <Input autoComplete="off" lang={language} aria-label={label(`${t('setup.automation.subject')} (${LANGUAGE_NAMES[language]})`)} />
                  </Form.Item>
                  <Form.Item name={[index, 'translations', language, 'body']} label={t('setup.automation.body')} dependencies={[[...path, 'translations', language, 'subject']]} rules={[bothOrNeither(language, 'subject')]}>
                    <Input.TextArea lang={language} autoSize={{ minRows: 2, maxRows: 10 }} aria-label={label(`${t('setup.automation.body')} (${LANGUAGE_NAMES[language]})`)} />
                  </Form.Item>
                </fieldset>
              ))}
            </>
          ),
        },
      ]}
    />
  );
}
