import { InboxOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

/** "Nothing here" with what to do about it; light enough for the first load (antd's Empty draws large SVGs). */
export function EmptyState({ title, hint, children, className }: { title: ReactNode; hint?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div className={`empty-state${className ? ` ${className}` : ''}`}>
      <InboxOutlined className="empty-state-icon" aria-hidden />
      <p className="empty-state-title">{title}</p>
      {hint && <p className="empty-state-hint">{hint}</p>}
      {children}
    </div>
  );
}
