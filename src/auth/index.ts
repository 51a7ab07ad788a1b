/** What other modules use from staff authentication. */
export { AuthModule } from './auth.module.js';
export { CurrentStaff, StaffAuth } from './staff-auth.decorator.js';
export { ForbiddenError } from './auth.errors.js';
export { STAFF_ROLES, type StaffPrincipal, type StaffRole } from './staff-principal.js';
