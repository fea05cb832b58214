import { Alert, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';

/** Asks for a view's name (to save the list as a view, or to rename one) and shows the server's refusal. */
export function ViewNameDialog({
  title,
  initial,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: string;
  busy: boolean;
  error: string | undefined;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [name, setName] = useState(initial);
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (name.trim() === '') setMissing(true);
    else onSubmit(name);
  };
  return (
    <Modal open title={title} okText={t('views.save')} cancelText={t('views.cancel')} confirmLoading={busy} onOk={submit} onCancel={onCancel} destroyOnHidden>
      <label htmlFor="view-name" className="view-name-label">
        {t('views.name')}
      </label>
      <Input
        id="view-name"
        autoFocus
        value={name}
        maxLength={120}
        status={missing ? 'error' : undefined}
        aria-invalid={missing}
        aria-describedby={missing ? 'view-name-error' : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setMissing(false);
        }}
        onPressEnter={submit}
      />
      {missing && (
        <div id="view-name-error" className="field-error">
          {t('views.nameRequired')}
        </div>
      )}
      {error && <Alert className="view-name-alert" type="error" showIcon role="alert" title={fromServer(error, language)} />}
    </Modal>
  );
}
