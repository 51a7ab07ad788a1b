import { localDate } from './format/local-time.js';
import { formatDate, formatTime, shortAddress } from './format/time-format.js';
import { CHOICE } from './machine/choice-ids.js';
import { catalogFor } from './messages/index.js';
import type { AppointmentSummary, Language, Reply } from './types.js';

/**
 * The reminder the runtime sends before an appointment, worded like the rest of the bot. Its
 * choices are the ones the dialog expects after REMINDER_SENT, so "1", "2", "3" (SMS) or a tapped
 * button (WhatsApp, same ids) confirm, change or cancel.
 */
export function reminderReply(appointment: AppointmentSummary, language: Language): Reply {
  const cat = catalogFor(language);
  const address = shortAddress(appointment.locationAddress);
  const place = appointment.locationName ? (address ? `${appointment.locationName} (${address})` : appointment.locationName) : null;
  const text = cat.reminder(
    formatDate(localDate(appointment.start, appointment.timezone), cat),
    formatTime(appointment.start, appointment.timezone, cat),
    cat.provider(appointment.providerShortName),
    place,
  );
  const r = cat.reminderChoices;
  return {
    text,
    choices: [
      { id: CHOICE.reminderConfirm, label: r.confirm },
      { id: CHOICE.reminderChange, label: r.change },
      { id: CHOICE.reminderCancel, label: r.cancel },
    ],
  };
}
