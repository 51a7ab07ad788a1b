import { Inject, Injectable } from '@nestjs/common';
import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { Channel } from '../generated/prisma/enums.js';
import type { Patient } from '../generated/prisma/client.js';
import { PatientService } from '../patients/patient.service.js';
import { PHI_CIPHER } from '../patients/phi.module.js';
import { ClinicCatalogRepository } from './clinic-catalog.repository.js';
import type { TurnContext } from './dialog/index.js';

export type ClinicCatalog = Awaited<ReturnType<ClinicCatalogRepository['load']>>;

/** Builds the facts the dialog gets with every message: the clinic's catalog (cached briefly) and the patient. */
@Injectable()
export class TurnContextService {
  private readonly catalogs = new TtlCache<ClinicCatalog>(5_000);

  constructor(
    private readonly catalogRepository: ClinicCatalogRepository,
    private readonly patients: PatientService,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
  ) {}

  catalog(clinicId: string): Promise<ClinicCatalog> {
    return this.catalogs.getOrLoad(clinicId, () => this.catalogRepository.load(clinicId));
  }

  /** `patientIsNew`, when the caller already knows it (read with the conversation), saves a query. */
  async build(
    clinicId: string, channel: Channel, now: Date, patient: Patient | null, conversation: { optedOutAt: Date | null; language: string }, patientIsNew?: boolean,
  ): Promise<TurnContext> {
    const { clinic, services, providers, locations } = await this.catalog(clinicId);
    const fullName = patient?.nameEnc ? this.cipher.decrypt(patient.nameEnc) : null;
    return {
      now: +now,
      timezone: clinic.timezone,
      channel,
      clinic: { name: clinic.name, phone: clinic.phone ?? '' },
      services: services.map((s) => ({ id: s.id, code: s.code, name: s.name, nameEs: s.nameEs, durationMinutes: s.durationMinutes, newPatientOnly: s.newPatientOnly, telehealth: s.telehealth })),
      providers: providers.map((p) => ({ id: p.id, name: p.name, shortName: p.shortName, serviceIds: p.services.map((s) => s.serviceId), languages: p.languages })),
      locations: locations.map((l) => ({ id: l.id, name: l.name, address: l.address })),
      patient: {
        known: fullName !== null,
        firstName: fullName ? fullName.split(/\s+/)[0]! : null,
        isNew: patient ? patientIsNew ?? await this.patients.isNew(patient.id) : true,
        // Unknown patients: null, so the dialog detects the language from what they write.
        language: patient ? (patient.language === 'es' ? 'es' : 'en') : null,
        optedOut: conversation.optedOutAt !== null,
      },
    };
  }
}
