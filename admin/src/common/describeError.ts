import type { TranslateFunction as Translate } from 'react-admin';
import { isApiError } from '../api/errors';
import { formatDateTime } from './time';

interface Alternative { start: string; providerName?: string }
interface Blocking { id?: string; start?: string; startsAt?: string; patientName?: string; providerName?: string; serviceName?: string; status?: string }

/**
 * Turns an API error into a sentence a receptionist can act on: who is in the way for SLOT_TAKEN and
 * the next free times, which rule for POLICY_VIOLATION, scope refusals as such.
 */
export function describeError(error: unknown, translate: Translate, zone = 'UTC', locale = 'en'): string {
  if (!isApiError(error)) return translate('app.errors.generic', { message: (error as Error)?.message ?? String(error) });
  const d = error.details;
  switch (error.code) {
    case 'SLOT_TAKEN': {
      const blocking = (d.blocking ?? d.blockingAppointment) as Blocking | undefined;
      const parts: string[] = [];
      if (blocking) {
        const start = blocking.start ?? blocking.startsAt;
        const status = blocking.status ? translate(`app.status.${blocking.status}`, { _: blocking.status }) : '';
        const who = [blocking.patientName, blocking.serviceName, blocking.providerName && `(${blocking.providerName})`, status && `[${status}]`].filter(Boolean).join(' ');
        parts.push(translate('app.errors.slot_taken_by', { appointment: `${start ? formatDateTime(start, zone, locale) : ''} ${who}`.trim() || blocking.id }));
      } else if (d.blockedBy === 'hold_or_room') {
        parts.push(translate('app.errors.slot_held'));
      } else if (typeof d.blockingAppointmentId === 'string') {
        parts.push(translate('app.errors.slot_taken_by', { appointment: `#${d.blockingAppointmentId.slice(0, 8)}` }));
      } else {
        parts.push(`${translate('app.errors.slot_taken')}.`);
      }
      const alternatives = (d.alternatives as Alternative[] | undefined) ?? [];
      if (alternatives.length) {
        parts.push(translate('app.errors.alternatives', { times: alternatives.slice(0, 3).map((a) => formatDateTime(a.start, zone, locale)).join(', ') }));
      }
      return parts.join(' ');
    }
    case 'POLICY_VIOLATION':
      return `${error.message} (${describeRule(String(d.rule ?? ''), translate)})`;
    case 'FORBIDDEN':
      return `${translate('app.errors.forbidden')}${error.message && error.message !== 'Forbidden' && error.message !== 'Forbidden resource' ? ` ${error.message}` : ''}`;
    case 'NOT_FOUND':
      return translate('app.errors.not_found');
    case 'NETWORK':
      return translate('app.errors.network');
    case 'VALIDATION_FAILED':
      return translate('app.errors.validation', { message: error.message });
    default:
      if (error.status === 403) return translate('app.errors.forbidden');
      return error.message;
  }
}

const KNOWN_RULES = ['outside_hours', 'too_soon', 'too_far', 'new_patients_only', 'reason_required', 'taken'];

/** A rule code from POLICY_VIOLATION in words ("outside the provider's working hours"). */
export function describeRule(rule: string, translate: Translate): string {
  const key = rule.toLowerCase().replace(/[^a-z_]/g, '_');
  return KNOWN_RULES.includes(key) ? translate(`app.rules.${key}`) : translate('app.rules.unknown', { rule });
}
