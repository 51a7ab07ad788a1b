import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { StaffPrincipal, StaffRole } from '../../auth/staff-principal.js';
import { StaffSessionRepository } from '../../auth/staff-session.repository.js';
import { Clock } from '../../common/clock.js';
import { DomainError, NotFoundError, ValidationError } from '../../common/errors.js';
import { PG, pgErrorCode } from '../../database/pg-errors.js';
import { ClinicRefsRepository } from '../common/clinic-refs.repository.js';
import { filterValue, parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import type { CreateStaffUserDto, StaffUserDto, UpdateStaffUserDto } from './staff-users.dto.js';
import { StaffUsersRepository } from './staff-users.repository.js';

type Row = NonNullable<Awaited<ReturnType<StaffUsersRepository['findOne']>>>;

/** Staff accounts of the admin's own clinic. Passwords are only ever stored as argon2 hashes. */
@Injectable()
export class StaffUsersService {
  constructor(
    private readonly users: StaffUsersRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly refs: ClinicRefsRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(staff: StaffPrincipal, raw: RawListQuery): Promise<Page<StaffUserDto>> {
    const query = parseListQuery(raw, ['email', 'displayName', 'role', 'createdAt'] as const, { field: 'displayName', order: 'asc' });
    const role = filterValue.strings(query.filter, 'role', ['admin', 'receptionist', 'provider', 'owner'] as const);
    const ids = filterValue.uuids(query.filter, 'id');
    const q = filterValue.string(query.filter, 'q', 100);
    const where = {
      clinicId: staff.clinicId, ...(role ? { role: { in: role } } : {}), ...(ids ? { id: { in: ids } } : {}),
      ...(q ? { OR: [{ email: { contains: q, mode: 'insensitive' as const } }, { displayName: { contains: q, mode: 'insensitive' as const } }] } : {}),
    };
    const { rows, total } = await this.users.page(where, { [query.sort.field]: query.sort.order }, query.skip, query.take);
    return { rows: rows.map(present), total, skip: query.skip };
  }

  async get(staff: StaffPrincipal, id: string): Promise<StaffUserDto> {
    return present(await this.require(staff, id));
  }

  async create(staff: StaffPrincipal, body: CreateStaffUserDto): Promise<StaffUserDto> {
    const locationIds = body.locationIds ?? [];
    await this.validateRole(staff, body.role, locationIds, body.providerId ?? null);
    try {
      const user = await this.users.create({
        clinicId: staff.clinicId, email: body.email.trim().toLowerCase(), displayName: body.displayName, role: body.role, locationIds,
        providerId: body.providerId ?? null, passwordHash: await hash(body.password),
      });
      await this.record(staff, 'staff_user.created', user.id, { role: user.role });
      return present(user);
    } catch (error) {
      if (pgErrorCode(error) === PG.uniqueViolation) throw new DomainError('EMAIL_TAKEN', 'A staff account with that email exists.', 409);
      throw error;
    }
  }

  async update(staff: StaffPrincipal, id: string, body: UpdateStaffUserDto): Promise<StaffUserDto> {
    const current = await this.require(staff, id);
    const role = body.role ?? current.role;
    const locationIds = body.locationIds ?? current.locationIds;
    const providerId = body.providerId === undefined ? current.providerId : body.providerId;
    await this.validateRole(staff, role, locationIds, providerId);
    if (id === staff.id && (body.active === false || (body.role && body.role !== 'admin'))) throw new ValidationError('You cannot deactivate or demote yourself.');
    const user = await this.users.update(id, {
      displayName: body.displayName, role, locationIds, providerId, active: body.active,
      ...(body.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
    });
    // A changed role or deactivation applies to the next request anyway (the guard reloads the account); ending sessions also stops refreshes.
    if (body.active === false) await this.sessions.revokeAllFor(id, 'deactivated', this.clock.now(), null);
    await this.record(staff, 'staff_user.updated', id, { fields: Object.keys(body) });
    return present(user);
  }

  private async require(staff: StaffPrincipal, id: string): Promise<Row> {
    const user = await this.users.findOne({ id, clinicId: staff.clinicId });
    if (!user) throw new NotFoundError('Staff user');
    return user;
  }

  private async validateRole(staff: StaffPrincipal, role: StaffRole, locationIds: string[], providerId: string | null): Promise<void> {
    if (locationIds.length && (await this.users.countLocations(staff.clinicId, locationIds)) !== new Set(locationIds).size) throw new ValidationError('Unknown location for this clinic');
    if (role === 'receptionist' && locationIds.length === 0) throw new ValidationError('A receptionist needs at least one location.');
    if (role === 'provider' && !providerId) throw new ValidationError('A provider account needs providerId.');
    if (providerId) await this.refs.requireProvider(staff.clinicId, providerId);
  }

  private record(staff: StaffPrincipal, action: string, id: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.append({ clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action, entityType: 'staff_user', entityId: id, ip: staff.ip, details: details as never });
  }
}

function present(u: Row): StaffUserDto {
  return {
    id: u.id, email: u.email, displayName: u.displayName, role: u.role, locationIds: u.locationIds, providerId: u.providerId, active: u.active,
    lockedUntil: u.lockedUntil?.toISOString() ?? null, createdAt: u.createdAt.toISOString(),
  };
}
