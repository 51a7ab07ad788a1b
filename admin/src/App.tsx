import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { dataProvider } from './api/dataProvider';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { CalendarPage } from './calendar/CalendarPage';
import { ChannelsPage } from './channels/ChannelsPage';
import { Dashboard } from './layout/Dashboard';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { LazyReports } from './layout/LazyReports';
import { resources } from './resources';
import { TryBotPage } from './try-bot/TryBotPage';

/** The staff console: react-admin over the staff API (/api/v1), served at /admin. */
export function App() {
  return (
    <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} loginPage={LoginPage} layout={Layout}
      dashboard={Dashboard} theme={theme} title="Riverside" requireAuth disableTelemetry>
      {resources.map((r) => <Resource key={r.name} {...r} />)}
      <CustomRoutes>
        <Route path="/calendar" element={<CalendarPage />} />
        <Route path="/try-the-bot" element={<TryBotPage />} />
        <Route path="/reports" element={<LazyReports />} />
        <Route path="/channels" element={<ChannelsPage />} />
      </CustomRoutes>
    </Admin>
  );
}
