import type { Role } from '../api/session';

/**
 * What each role sees in the menus. Only a convenience: the API enforces every rule on its own and
 * answers 403 otherwise (see the RBAC matrix test). Mirrors the role list.
 */
const READ = ['list', 'show'];
const ALL = ['list', 'show', 'create', 'edit', 'delete'];
/** Records that are retired (active: false) rather than deleted. */
const EDIT = ['list', 'show', 'create', 'edit'];

const MATRIX: Record<Role, Record<string, string[]>> = {
  admin: {
    calendar: ALL, appointments: ALL, patients: ALL, providers: EDIT, services: EDIT, 'availability-rules': ALL,
    'schedule-exceptions': ALL, rooms: EDIT, locations: READ, waitlist: ALL, conversations: ALL, 'try-bot': ALL, 'audit-log': READ,
    reports: READ, channels: ALL, 'staff-users': ALL,
  },
  receptionist: {
    calendar: ALL, appointments: ALL, patients: ALL, waitlist: ALL, conversations: ALL, 'try-bot': ALL,
    providers: READ, services: READ, rooms: READ, locations: READ, 'availability-rules': READ, 'schedule-exceptions': ALL,
  },
  provider: {
    calendar: READ, appointments: ['list', 'show', 'edit'], patients: READ, providers: READ, services: READ, locations: READ, 'try-bot': READ,
  },
  owner: {
    reports: READ, 'audit-log': READ, providers: READ, services: READ, locations: READ, rooms: READ,
    'availability-rules': READ, 'schedule-exceptions': READ, 'try-bot': READ,
  },
};

export function canAccessResource(role: Role, resource: string, action: string): boolean {
  return MATRIX[role]?.[resource]?.includes(action) ?? false;
}
