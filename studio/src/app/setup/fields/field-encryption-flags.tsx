import { Alert, Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';

/** The encryption of a text-like field, and what it costs said beside it: the admin chooses knowing. */
export function FieldEncryptionFlags() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const encrypted = Form.useWatch('encrypted', form) === true;
  return (
    <div className="field-encryption">
      <div className="field-flags">
        <Form.Item name="encrypted" valuePropName="checked" noStyle>
          <Checkbox>{t('setup.fieldEditor.encrypted')}</Checkbox>
        </Form.Item>
        {encrypted && (
          <Form.Item name="deterministic" valuePropName="checked" noStyle>
            <Checkbox>{t('setup.fieldEditor.deterministic')}</Checkbox>
          </Form.Item>
        )}
      </div>
      {encrypted && <Alert type="info" showIcon className="setup-form-alert field-encryption-cost" title={t('setup.fieldEditor.encryptedCost')} description={t('setup.fieldEditor.deterministicCost')} />}
    </div>
  );
}
