import { usePermissions } from 'react-admin';
import type { Role } from '../api/session';
import { CalendarPage } from '../calendar/CalendarPage';
import { LazyReports } from './LazyReports';

/** The first screen: the calendar for the desk and providers, the reports for owners. */
export function Dashboard() {
  const { permissions } = usePermissions<Role | null>();
  return permissions === 'owner' ? <LazyReports /> : <CalendarPage />;
}
