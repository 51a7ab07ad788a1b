import type { Patient } from '../generated/prisma/client.js';

/** Every field of Patient and its column, for hand-written SQL that returns Prisma-shaped patients (database/row-columns.ts). */
export const PATIENT_FIELDS = {
  id: 'id', clinicId: 'clinic_id', phoneHash: 'phone_hash', phoneEnc: 'phone_enc', nameEnc: 'name_enc', dobEnc: 'dob_enc', language: 'language',
  preferredChannel: 'preferred_channel', smsOptedOutAt: 'sms_opted_out_at', whatsappOptedOutAt: 'whatsapp_opted_out_at', noShowCount: 'no_show_count',
  flaggedAt: 'flagged_at', createdAt: 'created_at', updatedAt: 'updated_at',
} satisfies Record<keyof Patient, string>;
