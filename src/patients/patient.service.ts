import { Inject, Injectable } from '@nestjs/common';
import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import { ValidationError } from '../common/errors.js';
import { normalizePhone } from '../common/phone.js';
import type { Tx } from '../database/prisma.service.js';
import { PHI_CIPHER } from './phi.module.js';
import { PatientRepository } from './patient.repository.js';

export interface PatientDetails { phone: string; fullName?: string | null; dateOfBirth?: string | null; language?: string }

/** Patients as the rest of the app sees them: plain values in, encrypted at rest, found by phone. */
@Injectable()
export class PatientService {
  constructor(private readonly patients: PatientRepository, @Inject(PHI_CIPHER) private readonly cipher: PhiCipher) {}

  async findOrCreate(clinicId: string, details: PatientDetails, tx?: Tx) {
    const phone = normalizePhone(details.phone);
    if (!phone) throw new ValidationError('That does not look like a phone number');
    const phoneHash = this.cipher.blindIndex(phone);
    const existing = await this.patients.findByPhoneHash(clinicId, phoneHash, tx);
    if (existing) {
      // Fill in details a returning patient gives for the first time, never overwrite them silently.
      const update: { nameEnc?: string; dobEnc?: string } = {};
      if (!existing.nameEnc && details.fullName) update.nameEnc = this.cipher.encrypt(details.fullName);
      if (!existing.dobEnc && details.dateOfBirth) update.dobEnc = this.cipher.encrypt(details.dateOfBirth);
      return Object.keys(update).length ? this.patients.updateDetails(existing.id, update, tx) : existing;
    }
    return this.patients.createOrGet({
      clinicId,
      phoneHash,
      phoneEnc: this.cipher.encrypt(phone),
      nameEnc: details.fullName ? this.cipher.encrypt(details.fullName) : null,
      dobEnc: details.dateOfBirth ? this.cipher.encrypt(details.dateOfBirth) : null,
      language: details.language ?? 'en',
    }, tx);
  }

  findById(id: string, tx?: Tx) {
    return this.patients.findById(id, tx);
  }

  findByPhone(clinicId: string, phone: string, tx?: Tx) {
    const normalised = normalizePhone(phone);
    return normalised ? this.patients.findByPhoneHash(clinicId, this.cipher.blindIndex(normalised), tx) : Promise.resolve(null);
  }

  async setLanguage(patientId: string, language: string): Promise<void> {
    await this.patients.updateDetails(patientId, { language });
  }

  /** Opt-outs are per channel: STOP on SMS says nothing about WhatsApp. */
  async setOptOut(patientId: string, channel: 'sms' | 'whatsapp', at: Date | null): Promise<void> {
    await this.patients.updateDetails(patientId, channel === 'sms' ? { smsOptedOutAt: at } : { whatsappOptedOutAt: at });
  }

  isNew(patientId: string, tx?: Tx): Promise<boolean> {
    return this.patients.isNew(patientId, tx);
  }

  /** Decrypted view for the few places that must show a patient (audited by their callers). */
  reveal(patient: { phoneEnc: string; nameEnc: string | null; dobEnc: string | null }) {
    return {
      phone: this.cipher.decrypt(patient.phoneEnc),
      fullName: patient.nameEnc ? this.cipher.decrypt(patient.nameEnc) : null,
      dateOfBirth: patient.dobEnc ? this.cipher.decrypt(patient.dobEnc) : null,
    };
  }
}
