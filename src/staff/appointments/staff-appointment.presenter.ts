import { Inject, Injectable } from '@nestjs/common';
import { toAppointmentDto } from '../../booking/dto/appointment.dto.js';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import type { StaffAppointmentDto } from './dto/staff-appointment.dto.js';
import type { StaffAppointmentRow } from './staff-appointment.repository.js';

/** Appointment rows as staff see them, with the patient's name and phone decrypted (callers audit this). */
@Injectable()
export class StaffAppointmentPresenter {
  constructor(@Inject(PHI_CIPHER) private readonly cipher: PhiCipher) {}

  present(row: StaffAppointmentRow, overrides?: string[]): StaffAppointmentDto {
    return {
      ...toAppointmentDto(row),
      patientName: row.patient.nameEnc ? this.cipher.decrypt(row.patient.nameEnc) : null,
      patientPhone: this.cipher.decrypt(row.patient.phoneEnc),
      patientNoShowCount: row.patient.noShowCount,
      notes: row.notes,
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      ...(overrides ? { overrides } : {}),
    };
  }
}
