import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';

const ICONS = { info: InfoCircleFilled, success: CheckCircleFilled, error: CloseCircleFilled } as const;

/**
 * A message box for the first load (sign-in, the shell): what antd's Alert shows, without its
 * close button and motion, which cost the first load several kilobytes. Errors are announced.
 */
export function Notice({ type, children, className }: { type: keyof typeof ICONS; children: ReactNode; className?: string }) {
  const Icon = ICONS[type];
  return (
    <div className={`notice notice-${type}${className ? ` ${className}` : ''}`} role={type === 'error' ? 'alert' : 'status'}>
      <Icon className="notice-icon" aria-hidden />
      <div className="notice-text">{children}</div>
    </div>
  );
}
