import { App } from 'antd';
import { Outlet } from 'react-router';

/**
 * antd's App context (message, modal, notification in the current theme and locale) for the pages
 * that give feedback. A lazy layout route, so its code stays out of the first bundle.
 */
export function FeedbackLayout() {
  return (
    <App component={false}>
      <Outlet />
    </App>
  );
}
