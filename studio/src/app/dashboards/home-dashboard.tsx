import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client';
import { DashboardBoard } from './dashboard-board';

/** On the home page: the dashboard an admin made the home of the user's role or of the app they are in, if any. */
export function HomeDashboard({ app }: { readonly app: string | undefined }) {
  const home = useQuery({ queryKey: ['dashboard-home', app], queryFn: () => api<{ dashboard: string | null }>('/dashboards/home', { query: { app } }) });
  if (!home.data?.dashboard) return null;
  return <DashboardBoard name={home.data.dashboard} headingLevel={2} />;
}
