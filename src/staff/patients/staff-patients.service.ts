import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { ForbiddenError } from '../../auth/auth.errors.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { ValidationError } from '../../common/errors.js';
import { normalizePhone } from '../../common/phone.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { PatientService } from '../../patients/patient.service.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import { StaffAppointmentPresenter } from '../appointments/staff-appointment.presenter.js';
import { StaffAppointmentRepository } from '../appointments/staff-appointment.repository.js';
import { filterValue, parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import { PatientAccessAuditRepository } from '../common/patient-access-audit.repository.js';
import { appointmentScope, patientScope } from '../common/staff-scope.js';
import type { CreatePatientDto, StaffPatientDetailDto, StaffPatientDto, UpdatePatientDto } from './dto/staff-patient.dto.js';
import { nameMatches } from './name-match.js';
import { PatientScopeService } from './patient-scope.service.js';
import { StaffPatientRepository } from './staff-patient.repository.js';

const SORTS = ['createdAt', 'updatedAt', 'noShowCount'] as const;
/**
 * Names are encrypted at rest, so a name search decrypts the names of the patients in the caller's
 * scope and matches in memory — at most this many (newest first). Documented in docs/staff-api.md.
 */
export const NAME_SEARCH_LIMIT = 5_000;
const NO_MATCH = '00000000-0000-0000-0000-000000000000';

type PatientRow = Awaited<ReturnType<StaffPatientRepository['findMany']>>[number];

@Injectable()
export class StaffPatientsService {
  constructor(
    private readonly patients: StaffPatientRepository,
    private readonly scope: PatientScopeService,
    private readonly patientService: PatientService,
    private readonly appointments: StaffAppointmentRepository,
    private readonly appointmentPresenter: StaffAppointmentPresenter,
    private readonly accessAudit: PatientAccessAuditRepository,
    private readonly audit: AuditRepository,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
  ) {}

  /** filter: q (a phone number or part of a name), phone (E.164), id (list), flagged (boolean). */
  async list(staff: StaffPrincipal, raw: RawListQuery, reason: string | null): Promise<Page<StaffPatientDto>> {
    const query = parseListQuery(raw, SORTS, { field: 'createdAt', order: 'desc' });
    const f = query.filter;
    const conditions: Prisma.PatientWhereInput[] = [patientScope(staff)];
    const ids = filterValue.uuids(f, 'id');
    if (ids) conditions.push({ id: { in: ids } });
    const flagged = filterValue.boolean(f, 'flagged');
    if (flagged !== undefined) conditions.push({ flaggedAt: flagged ? { not: null } : null });
    const phone = filterValue.string(f, 'phone', 40);
    const q = filterValue.string(f, 'q', 80);
    const byPhone = phone ?? (q && normalizePhone(q) && /\d{6,}/.test(q.replace(/\D/g, '')) ? q : undefined);
    if (byPhone) {
      const normalised = normalizePhone(byPhone);
      if (!normalised) throw new ValidationError('filter.phone is not a phone number');
      conditions.push({ phoneHash: this.cipher.blindIndex(normalised) });
    } else if (q) {
      const candidates = await this.patients.namesForSearch({ AND: conditions }, NAME_SEARCH_LIMIT);
      const matching = candidates.filter((c) => nameMatches(this.cipher.decrypt(c.nameEnc!), q)).map((c) => c.id);
      conditions.push({ id: { in: matching.length ? matching : [NO_MATCH] } });
    }
    const { rows, total } = await this.patients.page({ AND: conditions }, { [query.sort.field]: query.sort.order }, query.skip, query.take);
    await this.accessAudit.record(staff, {
      action: 'patient.listed', entityType: 'patient', reason,
      patients: rows.map((r) => ({ patientId: r.id, entityId: r.id })),
      details: { search: byPhone ? 'phone' : q ? 'name' : 'none' },
    });
    return { rows: rows.map((r) => this.present(r)), total, skip: query.skip };
  }

  async get(staff: StaffPrincipal, id: string, reason: string | null): Promise<StaffPatientDetailDto> {
    const patient = await this.scope.requireInScope(staff, id);
    const { rows } = await this.appointments.page({ AND: [{ patientId: id }, appointmentScope(staff)] }, { startsAt: 'desc' }, 0, 50);
    await this.accessAudit.record(staff, { action: 'patient.viewed', entityType: 'patient', reason, patients: [{ patientId: id, entityId: id }] });
    return { ...this.present(patient), appointments: rows.map((r) => this.appointmentPresenter.present(r)) };
  }

  /** Registers a patient (or returns the one with that phone, when the caller may see them). */
  async create(staff: StaffPrincipal, body: CreatePatientDto): Promise<StaffPatientDto> {
    this.assertWriter(staff);
    const existing = await this.scope.findByPhone(staff.clinicId, body.phone);
    if (existing) await this.scope.requireInScope(staff, existing.id);
    const patient = await this.patientService.findOrCreate(staff.clinicId, { phone: body.phone, fullName: body.fullName ?? null, dateOfBirth: body.dateOfBirth ?? null, language: body.language });
    await this.audit.append({ clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action: existing ? 'patient.viewed' : 'patient.created', entityType: 'patient', entityId: patient.id, patientId: patient.id, ip: staff.ip });
    return this.present(patient);
  }

  async update(staff: StaffPrincipal, id: string, body: UpdatePatientDto): Promise<StaffPatientDto> {
    this.assertWriter(staff);
    await this.scope.requireInScope(staff, id);
    const data = {
      ...(body.fullName ? { nameEnc: this.cipher.encrypt(body.fullName) } : {}),
      ...(body.dateOfBirth ? { dobEnc: this.cipher.encrypt(body.dateOfBirth) } : {}),
      ...(body.language ? { language: body.language } : {}),
    };
    const updated = await this.patients.update(id, data);
    await this.audit.append({
      clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action: 'patient.updated', entityType: 'patient', entityId: id, patientId: id,
      reason: body.reason ?? null, ip: staff.ip, details: { fields: Object.keys(body).filter((k) => k !== 'reason') },
    });
    return this.present(updated);
  }

  /**
   * Lifts the no-show flag (the patient's chat bookings stop waiting for approval). The count stays
   * as it was: it is history; the reason says why the flag no longer applies.
   */
  async clearNoShowFlag(staff: StaffPrincipal, id: string, reason: string): Promise<StaffPatientDto> {
    this.assertWriter(staff);
    await this.scope.requireInScope(staff, id);
    const updated = await this.patients.clearNoShowFlag(id);
    await this.audit.append({
      clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action: 'patient.no_show_flag_cleared', entityType: 'patient', entityId: id, patientId: id,
      reason, ip: staff.ip, details: { noShowCount: updated.noShowCount },
    });
    return this.present(updated);
  }

  private assertWriter(staff: StaffPrincipal): void {
    if (staff.role !== 'admin' && staff.role !== 'receptionist') throw new ForbiddenError();
  }

  private present(p: PatientRow): StaffPatientDto {
    return {
      id: p.id, phone: this.cipher.decrypt(p.phoneEnc), fullName: p.nameEnc ? this.cipher.decrypt(p.nameEnc) : null,
      dateOfBirth: p.dobEnc ? this.cipher.decrypt(p.dobEnc) : null, language: p.language, noShowCount: p.noShowCount,
      flagged: p.flaggedAt !== null, smsOptedOut: p.smsOptedOutAt !== null, whatsappOptedOut: p.whatsappOptedOutAt !== null,
      createdAt: p.createdAt.toISOString(),
    };
  }
}
