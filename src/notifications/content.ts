import type { AppointmentSummary, Language, Reply } from '../conversation/dialog/index.js';
import { reminderReply } from '../conversation/dialog/index.js';
import { formatRange, formatWhen } from '../conversation/dialog/format/time-format.js';
import { catalogFor } from '../conversation/dialog/messages/index.js';
import { mapUrl } from './links.js';

/**
 * What each notification says, in English and Spanish. Dates and times come from the dialog's own
 * formatting (same words as the chat), reminders from the dialog's reminder text, whose numbered
 * answers (1 confirm, 2 change, 3 cancel — never a bare CANCEL over SMS) the dialog understands.
 */
export type NotificationKind = 'confirmation' | 'reminder' | 'reschedule_confirmation' | 'cancellation_notice' | 'no_show_followup';

export interface NotificationFacts {
  appointment: AppointmentSummary;
  clinicName: string;
  clinicPhone: string;
  calendarUrl: string | null;
  videoUrl: string | null;
}

const TEXT = {
  en: {
    booked: (when: string, who: string, where: string) => `You're booked ✅ ${when} with ${who}${where}.`,
    moved: (when: string, who: string, where: string) => `Your appointment has moved ✅ It is now ${when} with ${who}${where}.`,
    at: (place: string) => ` at ${place}`,
    byVideo: ' by video',
    map: (url: string) => `Map: ${url}`,
    video: (url: string) => `Join the video visit: ${url}`,
    calendar: (url: string) => `Add to calendar: ${url}`,
    change: 'Reply any time to change it.',
    cancelled: (when: string, who: string) => `Your appointment on ${when} with ${who} is cancelled.`,
    rebook: 'Reply "book" to find another time.',
    missed: (when: string, who: string, clinic: string) => `We missed you at your appointment on ${when} with ${who}. ${clinic} hopes all is well.`,
    rebookMissed: 'Reply "book" to find a new time, or call us.',
  },
  es: {
    booked: (when: string, who: string, where: string) => `Reservado ✅ ${when} con ${who}${where}.`,
    moved: (when: string, who: string, where: string) => `Tu cita cambió ✅ Ahora es el ${when} con ${who}${where}.`,
    at: (place: string) => ` en ${place}`,
    byVideo: ' por video',
    map: (url: string) => `Mapa: ${url}`,
    video: (url: string) => `Entra a la videoconsulta: ${url}`,
    calendar: (url: string) => `Añadir al calendario: ${url}`,
    change: 'Responde cuando quieras para cambiarla.',
    cancelled: (when: string, who: string) => `Tu cita del ${when} con ${who} está cancelada.`,
    rebook: 'Responde "cita" para buscar otro horario.',
    missed: (when: string, who: string, clinic: string) => `Te echamos de menos en tu cita del ${when} con ${who}. En ${clinic} esperamos que estés bien.`,
    rebookMissed: 'Responde "cita" para buscar un nuevo horario, o llámanos.',
  },
} as const;

export function notificationReply(kind: NotificationKind, facts: NotificationFacts, language: Language): Reply {
  if (kind === 'reminder') return reminderReply(facts.appointment, language);
  const t = TEXT[language];
  const cat = catalogFor(language);
  const a = facts.appointment;
  const who = cat.provider(a.providerShortName);
  const place = a.locationName ? t.at(a.locationAddress ? `${a.locationName}, ${a.locationAddress}` : a.locationName) : t.byVideo;
  const range = formatRange(a.start, a.end, a.timezone, cat);
  const when = formatWhen(a.start, a.timezone, cat);
  const extras = [
    a.locationAddress ? t.map(mapUrl(a.locationAddress)) : null,
    facts.videoUrl ? t.video(facts.videoUrl) : null,
    facts.calendarUrl ? t.calendar(facts.calendarUrl) : null,
  ].filter((x): x is string => x !== null);
  switch (kind) {
    case 'confirmation':
      return { text: [t.booked(range, who, place), ...extras, t.change].join('\n') };
    case 'reschedule_confirmation':
      return { text: [t.moved(range, who, place), ...extras, t.change].join('\n') };
    case 'cancellation_notice':
      return { text: `${t.cancelled(when, who)} ${t.rebook}` };
    case 'no_show_followup':
      return { text: `${t.missed(when, who, facts.clinicName)} ${t.rebookMissed}` };
  }
}
