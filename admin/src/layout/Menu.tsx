import BarChartIcon from '@mui/icons-material/BarChart';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import EventNoteIcon from '@mui/icons-material/EventNote';
import ForumIcon from '@mui/icons-material/Forum';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import MedicalServicesIcon from '@mui/icons-material/MedicalServices';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import PeopleIcon from '@mui/icons-material/People';
import PolicyIcon from '@mui/icons-material/Policy';
import ScheduleIcon from '@mui/icons-material/Schedule';
import SettingsIcon from '@mui/icons-material/Settings';
import SmartToyIcon from '@mui/icons-material/SmartToy';
import BadgeIcon from '@mui/icons-material/Badge';
import type { ReactElement } from 'react';
import { Menu as RaMenu, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../api/session';
import { canAccessResource } from '../auth/permissions';

interface Entry { resource: string; to: string; label: string; icon: ReactElement }

/** The side menu, per role. Hiding an entry is only a convenience: the API refuses what a role may not do. */
const ENTRIES: Entry[] = [
  { resource: 'calendar', to: '/calendar', label: 'app.menu.calendar', icon: <CalendarMonthIcon /> },
  { resource: 'appointments', to: '/appointments', label: 'app.menu.appointments', icon: <EventNoteIcon /> },
  { resource: 'patients', to: '/patients', label: 'app.menu.patients', icon: <PeopleIcon /> },
  { resource: 'conversations', to: '/conversations', label: 'app.menu.conversations', icon: <ForumIcon /> },
  { resource: 'waitlist', to: '/waitlist', label: 'app.menu.waitlist', icon: <HourglassTopIcon /> },
  { resource: 'reports', to: '/reports', label: 'app.menu.reports', icon: <BarChartIcon /> },
  { resource: 'audit-log', to: '/audit-log', label: 'app.menu.audit', icon: <PolicyIcon /> },
  { resource: 'try-bot', to: '/try-the-bot', label: 'app.menu.try_bot', icon: <SmartToyIcon /> },
  { resource: 'providers', to: '/providers', label: 'app.menu.providers', icon: <BadgeIcon /> },
  { resource: 'services', to: '/services', label: 'app.menu.services', icon: <MedicalServicesIcon /> },
  { resource: 'availability-rules', to: '/availability-rules', label: 'app.menu.rules', icon: <ScheduleIcon /> },
  { resource: 'schedule-exceptions', to: '/schedule-exceptions', label: 'app.menu.exceptions', icon: <EventBusyIcon /> },
  { resource: 'rooms', to: '/rooms', label: 'app.menu.rooms', icon: <MeetingRoomIcon /> },
  { resource: 'channels', to: '/channels', label: 'app.menu.channels', icon: <SettingsIcon /> },
];

export function Menu() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role | null>();
  return (
    <RaMenu>
      {ENTRIES.filter((e) => permissions && canAccessResource(permissions, e.resource, 'list')).map((e) => (
        <RaMenu.Item key={e.to} to={e.to} primaryText={translate(e.label)} leftIcon={e.icon} />
      ))}
    </RaMenu>
  );
}
