import type { ReactNode } from 'react';

/** The white mark drawn on each notice's filled circle. */
const MARKS = {
  info: <path d="M12 7v.01M12 11v6" />,
  success: <path d="M7.5 12.5l3 3 6-6.5" />,
  error: <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" />,
} as const;

/**
 * A message box for the first load (sign-in, the shell): what antd's Alert shows, without its
 * close button and motion, which cost the first load several kilobytes. Its icons are drawn here
 * too: antd's filled icons, shared with the lazy pages' alerts, were split into chunks of their own
 * that the first load had to fetch. Errors are announced.
 */
export function Notice({ type, children, className }: { type: keyof typeof MARKS; children: ReactNode; className?: string }) {
  return (
    <div className={`notice notice-${type}${className ? ` ${className}` : ''}`} role={type === 'error' ? 'alert' : 'status'}>
      <svg className="notice-icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden focusable="false">
        <circle cx="12" cy="12" r="11" fill="currentColor" />
        <g fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          {MARKS[type]}
        </g>
      </svg>
      <div className="notice-text">{children}</div>
    </div>
  );
}
