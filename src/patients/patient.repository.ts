import { Injectable } from '@nestjs/common';
import { PG, pgErrorCode } from '../database/pg-errors.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { pickColumns, selectColumns } from '../database/row-columns.js';
import { type PreparedStatement, SqlPool } from '../database/sql-pool.js';
import type { Patient } from '../generated/prisma/client.js';
import { PATIENT_FIELDS } from './patient-columns.js';

@Injectable()
export class PatientRepository {
  constructor(private readonly prisma: PrismaService, private readonly sql: SqlPool) {}

  findById(id: string, tx: Tx = this.prisma) {
    return tx.patient.findUnique({ where: { id } });
  }

  /** Outside a transaction by a prepared statement: every turn of a not-yet-known patient asks this. */
  async findByPhoneHash(clinicId: string, phoneHash: string, tx?: Tx): Promise<Patient | null> {
    if (tx) return tx.patient.findUnique({ where: { clinicId_phoneHash: { clinicId, phoneHash } } });
    const [row] = await this.sql.query<Record<string, unknown>>(FIND_BY_PHONE_HASH, [clinicId, phoneHash]);
    return row ? pickColumns<Patient>(row, '', PATIENT_FIELDS) : null;
  }

  /**
   * Inserts the patient unless one with this phone already exists; concurrent callers get the same
   * row (a plain insert that loses the race reads the winner's row; Prisma's upsert is not atomic).
   */
  async createOrGet(data: { clinicId: string; phoneHash: string; phoneEnc: string; nameEnc: string | null; dobEnc: string | null; language: string }, tx: Tx = this.prisma) {
    try {
      return await tx.patient.create({ data });
    } catch (error) {
      if (pgErrorCode(error) !== PG.uniqueViolation) throw error;
      return tx.patient.findUniqueOrThrow({ where: { clinicId_phoneHash: { clinicId: data.clinicId, phoneHash: data.phoneHash } } });
    }
  }

  updateDetails(id: string, data: { nameEnc?: string; dobEnc?: string; language?: string; smsOptedOutAt?: Date | null; whatsappOptedOutAt?: Date | null }, tx: Tx = this.prisma) {
    return tx.patient.update({ where: { id }, data });
  }

  /** A patient is new until they have an appointment that was not cancelled or moved away. */
  async isNew(patientId: string, tx: Tx = this.prisma): Promise<boolean> {
    const seen = await tx.appointment.findFirst({ where: { patientId, status: { notIn: ['cancelled', 'rescheduled'] } }, select: { id: true } });
    return seen === null;
  }
}

const FIND_BY_PHONE_HASH: PreparedStatement = {
  name: 'patient-by-phone-hash',
  text: `SELECT ${selectColumns('p', '', PATIENT_FIELDS)} FROM patients p WHERE p.clinic_id = $1::uuid AND p.phone_hash = $2`,
};
