import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { DomainError, NotFoundError, ValidationError } from '../../common/errors.js';
import { PG, pgErrorCode } from '../../database/pg-errors.js';
import { ClinicRefsRepository } from '../common/clinic-refs.repository.js';
import { ClinicCatalogService } from './clinic-catalog.service.js';
import type { ProviderInputDto, ProviderUpdateDto, RoomInputDto, RoomUpdateDto, ServiceInputDto, ServiceUpdateDto } from './clinic-settings.dto.js';
import { ClinicSettingsRepository } from './clinic-settings.repository.js';

/** A second record with the same unique name (or service code) in the clinic. Answers 409. */
export class DuplicateNameError extends DomainError {
  constructor(message: string) {
    super('DUPLICATE_NAME', message, 409);
  }
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * Admins edit providers (with the services they offer), services and rooms. Nothing is deleted:
 * `active: false` retires a record and keeps the history of its appointments. Each write is
 * audited with the fields it changed. Slot search sees a change within its ~5 s schedule cache;
 * bookings re-check fresh.
 */
@Injectable()
export class ClinicSettingsService {
  constructor(
    private readonly settings: ClinicSettingsRepository,
    private readonly refs: ClinicRefsRepository,
    private readonly catalog: ClinicCatalogService,
    private readonly audit: AuditRepository,
  ) {}

  async createProvider(staff: StaffPrincipal, body: ProviderInputDto): Promise<object> {
    const { serviceIds = [], ...fields } = body;
    const data = this.clean(fields, []) as Omit<ProviderInputDto, 'serviceIds'>;
    await this.requireServices(staff, serviceIds);
    const row = await this.unique(() => this.settings.createProvider({ clinicId: staff.clinicId, ...data }, [...new Set(serviceIds)]), 'A provider with that name already exists.');
    await this.record(staff, 'provider.created', row.id, diff({}, { ...data, serviceIds: [...new Set(serviceIds)].sort() }));
    return this.catalog.get('providers', staff, row.id);
  }

  async updateProvider(staff: StaffPrincipal, id: string, body: ProviderUpdateDto): Promise<object> {
    const current = await this.settings.findProvider(staff.clinicId, id);
    if (!current) throw new NotFoundError('Provider');
    const { serviceIds, ...fields } = body;
    const data = this.clean(fields, ['name', 'shortName', 'specialty', 'languages', 'telehealth', 'active']);
    if (serviceIds) await this.requireServices(staff, serviceIds);
    await this.unique(() => this.settings.updateProvider(id, data, serviceIds && [...new Set(serviceIds)]), 'A provider with that name already exists.');
    const before = { ...current, serviceIds: current.services.map((s) => s.serviceId).sort() };
    await this.record(staff, 'provider.updated', id, diff(before, { ...data, ...(serviceIds ? { serviceIds: [...new Set(serviceIds)].sort() } : {}) }));
    return this.catalog.get('providers', staff, id);
  }

  async createService(staff: StaffPrincipal, body: ServiceInputDto): Promise<object> {
    const data = this.clean(body, []) as unknown as ServiceInputDto;
    await this.assertServiceNameFree(staff, data.name, null);
    const row = await this.unique(() => this.settings.createService({ clinicId: staff.clinicId, ...data }), 'A service with that code already exists.');
    await this.record(staff, 'service.created', row.id, diff({}, { ...data }));
    return this.catalog.get('services', staff, row.id);
  }

  async updateService(staff: StaffPrincipal, id: string, body: ServiceUpdateDto): Promise<object> {
    const current = await this.settings.findService(staff.clinicId, id);
    if (!current) throw new NotFoundError('Service');
    const data = this.clean(body, ['code', 'name', 'durationMinutes', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'newPatientOnly', 'telehealth', 'depositCents', 'active']);
    if (data.name !== undefined) await this.assertServiceNameFree(staff, data.name as string, id);
    await this.unique(() => this.settings.updateService(id, data), 'A service with that code already exists.');
    await this.record(staff, 'service.updated', id, diff(current, data));
    return this.catalog.get('services', staff, id);
  }

  async createRoom(staff: StaffPrincipal, body: RoomInputDto): Promise<object> {
    const data = this.clean(body, []) as unknown as RoomInputDto;
    await this.refs.requireLocation(staff.clinicId, data.locationId);
    const row = await this.unique(() => this.settings.createRoom({ clinicId: staff.clinicId, ...data }), 'A room with that name already exists at this location.');
    await this.record(staff, 'room.created', row.id, diff({}, { ...data }));
    return this.catalog.get('rooms', staff, row.id);
  }

  async updateRoom(staff: StaffPrincipal, id: string, body: RoomUpdateDto): Promise<object> {
    const current = await this.settings.findRoom(staff.clinicId, id);
    if (!current) throw new NotFoundError('Room');
    const data = this.clean(body, ['locationId', 'name', 'kind', 'active']);
    if (data.locationId !== undefined) await this.refs.requireLocation(staff.clinicId, data.locationId as string);
    await this.unique(() => this.settings.updateRoom(id, data), 'A room with that name already exists at this location.');
    await this.record(staff, 'room.updated', id, diff(current, data));
    return this.catalog.get('rooms', staff, id);
  }

  /**
   * Trims text, drops fields that were not sent, and refuses null for the fields listed: partial
   * updates make every DTO field optional (so null passes validation), but these columns are not nullable.
   */
  private clean<T extends object>(body: T, notNull: (keyof T & string)[]): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (value !== undefined) data[key] = typeof value === 'string' ? value.trim() : value;
    }
    const missing = notNull.filter((key) => data[key] === null);
    if (missing.length) throw new ValidationError(`${missing.join(', ')} cannot be empty`);
    return data;
  }

  private async requireServices(staff: StaffPrincipal, serviceIds: string[]): Promise<void> {
    const unique = [...new Set(serviceIds)];
    if (unique.length && (await this.settings.countServices(staff.clinicId, unique)) !== unique.length) throw new NotFoundError('Service');
  }

  private async assertServiceNameFree(staff: StaffPrincipal, name: string, exceptId: string | null): Promise<void> {
    if (await this.settings.otherServiceNamed(staff.clinicId, name, exceptId)) throw new DuplicateNameError('A service with that name already exists.');
  }

  /** The database's unique constraints are the authority (two admins saving at once): a violation is a 409, not a 500. */
  private async unique<T>(write: () => Promise<T>, message: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (pgErrorCode(error) === PG.uniqueViolation) throw new DuplicateNameError(message);
      throw error;
    }
  }

  private record(staff: StaffPrincipal, action: string, id: string, changes: Changes): Promise<void> {
    return this.audit.append({ clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action, entityType: action.split('.')[0]!, entityId: id, ip: staff.ip, details: { changes } as never });
  }
}

/** The fields whose value differs, with before and after (reference data only: no patient data here). */
function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
