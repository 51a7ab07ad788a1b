import { z } from 'zod';
import type { NotificationKind } from '../../generated/prisma/enums.js';

/**
 * Why the clinic sends a message on its own. Stored with the message (in `messages.choices`, next to
 * the rendering) so the send job can pick that purpose's approved template when WhatsApp's 24-hour
 * window is closed. Only ids are stored: the template's values (provider, service, time…) are read
 * again from the appointment or offer when the message is sent, so no patient data sits in clear JSON.
 */
export const APPOINTMENT_PURPOSES = ['appointment_reminder', 'appointment_confirmation', 'appointment_rescheduled', 'appointment_cancelled', 'no_show_followup'] as const;
export const TEMPLATE_PURPOSES = [...APPOINTMENT_PURPOSES, 'waitlist_offer', 'reengagement'] as const;

export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

const purposeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(APPOINTMENT_PURPOSES), appointmentId: z.guid(), notificationId: z.guid().optional() }),
  z.object({ kind: z.literal('waitlist_offer'), offerId: z.guid() }),
]);

export type MessagePurpose = z.infer<typeof purposeSchema>;

/** The purpose stored with a message (`choices.purpose`), or null for a plain chat reply or an unreadable value. */
export function purposeOf(storedChoices: unknown): MessagePurpose | null {
  const stored = storedChoices as { purpose?: unknown } | null;
  if (!stored || typeof stored !== 'object' || stored.purpose === undefined) return null;
  const parsed = purposeSchema.safeParse(stored.purpose);
  return parsed.success ? parsed.data : null;
}

/** Notification kinds (notifications.kind) → the template purpose that stands in for them outside the window. */
export const NOTIFICATION_PURPOSE = {
  reminder: 'appointment_reminder',
  confirmation: 'appointment_confirmation',
  reschedule_confirmation: 'appointment_rescheduled',
  cancellation_notice: 'appointment_cancelled',
  no_show_followup: 'no_show_followup',
} as const satisfies Record<NotificationKind, (typeof APPOINTMENT_PURPOSES)[number]>;
