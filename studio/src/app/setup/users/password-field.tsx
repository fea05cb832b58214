import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { temporaryPassword } from './user-draft';

interface PasswordFieldProps {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly 'aria-invalid'?: boolean;
}

/**
 * A password an admin sets for someone else: typed, or generated in the browser and shown in
 * clear so it can be handed over (it is never shown again). Works as a Form.Item control.
 */
export function PasswordField({ id, value, onChange, ...rest }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact block>
      <Input.Password
        id={id}
        value={value}
        aria-invalid={rest['aria-invalid']}
        autoComplete="new-password"
        spellCheck={false}
        visibilityToggle={{ visible, onVisibleChange: setVisible }}
        onChange={(event) => onChange?.(event.target.value)}
      />
      <Button
        onClick={() => {
          setVisible(true);
          onChange?.(temporaryPassword((count) => crypto.getRandomValues(new Uint8Array(count))));
        }}
      >
        {t('setup.users.generate')}
      </Button>
    </Space.Compact>
  );
}
