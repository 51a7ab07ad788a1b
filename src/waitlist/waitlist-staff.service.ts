import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { HoldService } from '../booking/hold.service.js';
import { Clock } from '../common/clock.js';
import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import { NotFoundError, ValidationError } from '../common/errors.js';
import { dateColumnToLocal, localToDateColumn } from '../common/local-time.js';
import type { WaitlistEntry, WaitlistOffer } from '../generated/prisma/client.js';
import { PHI_CIPHER } from '../patients/phi.module.js';
import { ClinicRefsRepository } from '../staff/common/clinic-refs.repository.js';
import { filterValue, parseListQuery, type RawListQuery } from '../staff/common/list-query.js';
import type { Page } from '../staff/common/list-response.js';
import { PatientAccessAuditRepository } from '../staff/common/patient-access-audit.repository.js';
import { PatientScopeService } from '../staff/patients/patient-scope.service.js';
import type {
  CreateWaitlistEntryDto, UpdateWaitlistEntryDto, WaitlistEntryDetailDto, WaitlistEntryDto, WaitlistOfferDto,
} from './dto/waitlist-entry.dto.js';
import { WAITLIST_STATUSES } from './dto/waitlist-entry.dto.js';
import { WaitlistJobs } from './jobs/waitlist-jobs.js';
import { WaitlistOfferRepository } from './waitlist-offer.repository.js';
import { WaitlistOfferService } from './waitlist-offer.service.js';
import { type EntryFilter, type EntrySortField, WaitlistRepository } from './waitlist.repository.js';

type NamedEntry = WaitlistEntry & { patient: { nameEnc: string | null } };

const SORTS = ['urgency', 'createdAt', 'earliestDate', 'latestDate', 'status'] as const satisfies readonly EntrySortField[];

/**
 * The waitlist for reception: list, open, add, change (urgency, dates), remove, and offer a chosen
 * slot directly. Receptionists see entries for their locations and for "any location". Every read
 * and write of an entry is audited (reads through the staff API's patient-access audit).
 */
@Injectable()
export class WaitlistStaffService {
  constructor(
    private readonly entries: WaitlistRepository,
    private readonly offers: WaitlistOfferRepository,
    private readonly offering: WaitlistOfferService,
    private readonly holds: HoldService,
    private readonly jobs: WaitlistJobs,
    private readonly refs: ClinicRefsRepository,
    private readonly patientScope: PatientScopeService,
    private readonly accessAudit: PatientAccessAuditRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
  ) {}

  /** filter: status, serviceId, providerId, locationId, patientId. Default order: urgency, then who joined first. */
  async list(staff: StaffPrincipal, raw: RawListQuery, reason: string | null): Promise<Page<WaitlistEntryDto>> {
    const query = parseListQuery(raw, SORTS, { field: 'urgency', order: 'desc' });
    const f = query.filter;
    const status = filterValue.strings(f, 'status', WAITLIST_STATUSES);
    if (status && status.length > 1) throw new ValidationError('filter.status takes one status');
    const filter: EntryFilter = {
      ...this.scope(staff),
      status: status?.[0], serviceId: filterValue.uuid(f, 'serviceId'), providerId: filterValue.uuid(f, 'providerId'),
      locationId: filterValue.uuid(f, 'locationId'), patientId: filterValue.uuid(f, 'patientId'),
    };
    const { rows, total } = await this.entries.list(filter, query.sort, { skip: query.skip, take: query.take });
    await this.accessAudit.record(staff, {
      action: 'waitlist_entry.listed', entityType: 'waitlist_entry', reason,
      patients: rows.map((r) => ({ patientId: r.patientId, entityId: r.id })), details: { route: 'GET /api/v1/waitlist' },
    });
    return { rows: rows.map((r) => this.present(r)), total, skip: query.skip };
  }

  async get(staff: StaffPrincipal, id: string, reason: string | null): Promise<WaitlistEntryDetailDto> {
    const entry = await this.requireEntry(staff, id);
    await this.accessAudit.record(staff, { action: 'waitlist_entry.viewed', entityType: 'waitlist_entry', reason, patients: [{ patientId: entry.patientId, entityId: entry.id }] });
    const offers = await this.offers.forEntry(entry.id);
    return { ...this.present(entry), offers: offers.map(presentOffer) };
  }

  async create(staff: StaffPrincipal, body: CreateWaitlistEntryDto): Promise<WaitlistEntryDto> {
    await this.patientScope.requireInScope(staff, body.patientId);
    await this.refs.requireService(staff.clinicId, body.serviceId);
    if (body.providerId) await this.refs.requireProvider(staff.clinicId, body.providerId);
    if (body.locationId) await this.requireLocationInScope(staff, body.locationId);
    checkDates(body.earliestDate, body.latestDate);
    const entry = await this.entries.create({
      clinicId: staff.clinicId, patientId: body.patientId, serviceId: body.serviceId, providerId: body.providerId ?? null, locationId: body.locationId ?? null,
      earliestDate: localToDateColumn(body.earliestDate), latestDate: localToDateColumn(body.latestDate), urgency: body.urgency ?? 0,
      notes: body.notes ?? null, source: 'staff',
    });
    await this.record(staff, 'waitlist_entry.created', entry, { urgency: entry.urgency });
    return this.present(entry);
  }

  async update(staff: StaffPrincipal, id: string, body: UpdateWaitlistEntryDto): Promise<WaitlistEntryDto> {
    const entry = await this.requireEntry(staff, id);
    if (body.providerId) await this.refs.requireProvider(staff.clinicId, body.providerId);
    if (body.locationId) await this.requireLocationInScope(staff, body.locationId);
    checkDates(body.earliestDate ?? dateColumnToLocal(entry.earliestDate), body.latestDate ?? dateColumnToLocal(entry.latestDate));
    const updated = await this.entries.update(entry.id, {
      ...(body.urgency !== undefined ? { urgency: body.urgency } : {}),
      ...(body.earliestDate ? { earliestDate: localToDateColumn(body.earliestDate) } : {}),
      ...(body.latestDate ? { latestDate: localToDateColumn(body.latestDate) } : {}),
      ...(body.providerId !== undefined ? { providerId: body.providerId } : {}),
      ...(body.locationId !== undefined ? { locationId: body.locationId } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    });
    await this.record(staff, 'waitlist_entry.updated', updated, { fields: Object.keys(body).join(','), urgency: updated.urgency });
    return this.present(updated);
  }

  /** Takes the patient off the waitlist; a slot they were being offered goes to the next patient. */
  async remove(staff: StaffPrincipal, id: string): Promise<WaitlistEntryDto> {
    const entry = await this.requireEntry(staff, id);
    const now = this.clock.now();
    for (const offer of await this.offers.pendingForEntry(entry.id)) {
      if (!(await this.offers.close(offer.id, 'pending', 'withdrawn', now))) continue;
      if (offer.holdToken) await this.holds.release(offer.providerId, offer.holdToken);
      await this.jobs.passOnNow(offer.id);
    }
    const removed = await this.entries.update(entry.id, { status: 'removed' });
    await this.record(staff, 'waitlist_entry.removed', removed, { from: entry.status });
    return this.present(removed);
  }

  async offer(staff: StaffPrincipal, id: string, slot: { providerId: string; start: string }): Promise<WaitlistOfferDto> {
    const entry = await this.requireEntry(staff, id);
    await this.refs.requireProvider(staff.clinicId, slot.providerId);
    const offer = await this.offering.offerDirectly(entry.id, staff.clinicId, { providerId: slot.providerId, start: new Date(slot.start) }, staff.id);
    await this.record(staff, 'waitlist_entry.offered', entry, { offerId: offer.id, providerId: offer.providerId, slotStart: offer.slotStart.toISOString() });
    return presentOffer(offer);
  }

  private scope(staff: StaffPrincipal): Pick<EntryFilter, 'clinicId' | 'locationScope'> {
    return staff.role === 'admin' ? { clinicId: staff.clinicId } : { clinicId: staff.clinicId, locationScope: staff.locationIds };
  }

  /** Another clinic's entry is simply not found; another location's entry is forbidden like its patient. */
  private async requireEntry(staff: StaffPrincipal, id: string): Promise<NamedEntry> {
    const entry = await this.entries.findById(id);
    if (!entry || entry.clinicId !== staff.clinicId) throw new NotFoundError('Waitlist entry');
    if (staff.role !== 'admin' && entry.locationId && !staff.locationIds.includes(entry.locationId)) await this.patientScope.requireInScope(staff, entry.patientId);
    return entry;
  }

  private async requireLocationInScope(staff: StaffPrincipal, locationId: string): Promise<void> {
    await this.refs.requireLocation(staff.clinicId, locationId);
    if (staff.role !== 'admin' && !staff.locationIds.includes(locationId)) throw new ValidationError('That location is not one of yours');
  }

  private record(staff: StaffPrincipal, action: string, entry: WaitlistEntry, details: Record<string, string | number>): Promise<void> {
    return this.audit.append({
      clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action, entityType: 'waitlist_entry', entityId: entry.id,
      patientId: entry.patientId, ip: staff.ip, details,
    });
  }

  private present(entry: NamedEntry): WaitlistEntryDto {
    return {
      id: entry.id, patientId: entry.patientId, patientName: entry.patient.nameEnc ? this.cipher.decrypt(entry.patient.nameEnc) : null,
      serviceId: entry.serviceId, providerId: entry.providerId, locationId: entry.locationId,
      earliestDate: dateColumnToLocal(entry.earliestDate), latestDate: dateColumnToLocal(entry.latestDate),
      urgency: entry.urgency, status: entry.status, source: entry.source, notes: entry.notes,
      createdAt: entry.createdAt.toISOString(), updatedAt: entry.updatedAt.toISOString(),
    };
  }
}

function checkDates(earliest: string, latest: string): void {
  if (earliest > latest) throw new ValidationError('earliestDate must not be after latestDate');
}

function presentOffer(o: WaitlistOffer): WaitlistOfferDto {
  return {
    id: o.id, entryId: o.entryId, patientId: o.patientId, serviceId: o.serviceId, providerId: o.providerId, locationId: o.locationId,
    slotStart: o.slotStart.toISOString(), slotEnd: o.slotEnd.toISOString(), offeredAt: o.offeredAt.toISOString(), expiresAt: o.expiresAt.toISOString(),
    outcome: o.outcome, respondedAt: o.respondedAt?.toISOString() ?? null, appointmentId: o.appointmentId, trigger: o.trigger, offeredBy: o.offeredBy,
  };
}
