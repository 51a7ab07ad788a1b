import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, InputLabel, MenuItem, Select, Stack, Switch, TextField } from '@mui/material';
import { DateTime } from 'luxon';
import { type FormEvent, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { isApiError } from '../api/errors';
import { api } from '../api/http';
import { describeError, describeRule } from '../common/describeError';
import { formatDateTime } from '../common/time';
import { useClinicData } from '../common/useClinicData';
import { PatientPicker, type PatientOption } from './PatientPicker';

export interface BookingDraft {
  start: number;
  providerId: string | null;
  locationId: string | null;
  zone: string;
  patient?: PatientOption | null;
  /** A patient who is here now: booked from this minute and checked in (always an override, so a reason). */
  walkIn?: boolean;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** A patient the API finds by phone (in scope) or creates. */
function newPatientBody(p: { phone: string; fullName: string; dateOfBirth: string }) {
  return { phone: p.phone.trim(), ...(p.fullName.trim() ? { fullName: p.fullName.trim() } : {}), ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}) };
}

interface Props { draft: BookingDraft; onClose: () => void; onBooked: (appointment: Record<string, unknown>) => void }

/**
 * Books a patient into a slot. The API is the authority on rules: when it refuses with
 * POLICY_VIOLATION the dialog names the rule and asks for a reason, then books with `override`
 * (audited). SLOT_TAKEN says which appointment is in the way.
 */
export function BookingDialog({ draft, onClose, onBooked }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { providers, services, locations } = useClinicData();
  const [patient, setPatient] = useState<PatientOption | null>(draft.patient ?? null);
  const [isNew, setIsNew] = useState(false);
  const [newPatient, setNewPatient] = useState({ phone: '', fullName: '', dateOfBirth: '' });
  const [providerId, setProviderId] = useState(draft.providerId ?? '');
  const [locationId, setLocationId] = useState(draft.locationId ?? '');
  const [serviceId, setServiceId] = useState('');
  const [when, setWhen] = useState(DateTime.fromMillis(draft.start, { zone: draft.zone }).toFormat("yyyy-LL-dd'T'HH:mm"));
  const [notes, setNotes] = useState('');
  const [rule, setRule] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const provider = providers.find((p) => p.id === providerId) as (typeof providers[number] & { serviceIds?: string[] }) | undefined;
  const offered = provider?.serviceIds?.length ? services.filter((s) => provider.serviceIds!.includes(s.id)) : services;
  const start = DateTime.fromISO(when, { zone: draft.zone });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!isNew && !patient) return setError(translate('app.booking.choose_patient'));
    if (isNew && !E164.test(newPatient.phone.trim())) return setError(translate('app.validation.e164'));
    if (!serviceId) return setError(translate('app.booking.choose_service'));
    if (rule && reason.trim().length < 3) return setError(translate('app.booking.reason_required'));
    if (draft.walkIn && reason.trim().length < 3) return setError(translate('app.booking.reason_required'));
    setBusy(true);
    try {
      const who = isNew ? { patient: newPatientBody(newPatient) } : { patientId: patient!.id };
      const extras = { ...(locationId ? { locationId } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) };
      const appointment = draft.walkIn
        ? await api<Record<string, unknown>>('/appointments/walk-in', { method: 'POST', body: { serviceId, providerId, ...who, ...extras, reason: reason.trim() } })
        : await api<Record<string, unknown>>('/appointments', {
          method: 'POST',
          body: { serviceId, providerId, start: start.toUTC().toISO(), source: 'console', ...who, ...extras, ...(rule ? { override: { reason: reason.trim() } } : {}) },
        });
      const overrides = (appointment.overrides as string[] | undefined) ?? [];
      const booked = translate('app.booking.booked', { time: formatDateTime(start.toJSDate(), draft.zone, locale), provider: provider?.name ?? '' });
      notify(overrides.length ? `${booked} (${translate('app.booking.overrode', { rules: overrides.map((r) => describeRule(r, translate)).join(', ') })})` : booked, { type: 'success' });
      onBooked(appointment);
    } catch (e) {
      if (isApiError(e) && e.code === 'POLICY_VIOLATION' && e.details.rule && e.details.rule !== 'reason_required') {
        setRule(String(e.details.rule));
      } else {
        setError(describeError(e, translate, draft.zone, locale));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="booking-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="booking-title">{translate(draft.walkIn ? 'app.booking.walk_in_title' : 'app.booking.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {isNew ? (
              <Stack direction="row" spacing={2}>
                <TextField label={translate('app.booking.phone')} value={newPatient.phone} required autoFocus name="newPatientPhone" fullWidth
                  onChange={(e) => setNewPatient({ ...newPatient, phone: e.target.value })} />
                <TextField label={translate('app.booking.full_name')} value={newPatient.fullName} name="newPatientName" fullWidth
                  onChange={(e) => setNewPatient({ ...newPatient, fullName: e.target.value })} />
                <TextField label={translate('app.booking.date_of_birth')} type="date" value={newPatient.dateOfBirth} name="newPatientDob" fullWidth
                  slotProps={{ inputLabel: { shrink: true } }} onChange={(e) => setNewPatient({ ...newPatient, dateOfBirth: e.target.value })} />
              </Stack>
            ) : (
              <PatientPicker value={patient} onChange={setPatient} autoFocus={!patient} />
            )}
            <FormControlLabel control={<Switch checked={isNew} onChange={(e) => { setIsNew(e.target.checked); setError(null); }} />} label={translate('app.booking.new_patient')} />
            <Stack direction="row" spacing={2}>
              {!draft.walkIn && <TextField label={translate('app.booking.when')} type="datetime-local" value={when} onChange={(e) => { setWhen(e.target.value); setRule(null); }}
                required fullWidth slotProps={{ inputLabel: { shrink: true } }} helperText={draft.zone} name="start" />}
              <FormControl fullWidth required>
                <InputLabel id="booking-provider">{translate('app.booking.provider')}</InputLabel>
                <Select labelId="booking-provider" label={translate('app.booking.provider')} value={providerId} name="providerId"
                  onChange={(e) => { setProviderId(String(e.target.value)); setRule(null); }}>
                  {providers.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
                </Select>
              </FormControl>
            </Stack>
            <Stack direction="row" spacing={2}>
              <FormControl fullWidth required>
                <InputLabel id="booking-service">{translate('app.booking.service')}</InputLabel>
                <Select labelId="booking-service" label={translate('app.booking.service')} value={serviceId} name="serviceId"
                  onChange={(e) => { setServiceId(String(e.target.value)); setRule(null); }}>
                  {offered.map((s) => <MenuItem key={s.id} value={s.id}>{locale === 'es' && s.nameEs ? s.nameEs : s.name}{s.durationMinutes ? ` · ${s.durationMinutes} min` : ''}</MenuItem>)}
                </Select>
              </FormControl>
              <FormControl fullWidth>
                <InputLabel id="booking-location">{translate('app.booking.location')}</InputLabel>
                <Select labelId="booking-location" label={translate('app.booking.location')} value={locationId} name="locationId" onChange={(e) => setLocationId(String(e.target.value))}>
                  <MenuItem value="">{translate('app.common.none')}</MenuItem>
                  {locations.map((l) => <MenuItem key={l.id} value={l.id}>{l.name}</MenuItem>)}
                </Select>
              </FormControl>
            </Stack>
            <TextField label={translate('app.booking.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} multiline minRows={1} name="notes" />
            {rule && (
              <Alert severity="warning" role="alert">
                {translate('app.booking.override_needed', { rule: describeRule(rule, translate) })}
              </Alert>
            )}
            {draft.walkIn && (
              <TextField label={translate('app.booking.walk_in_reason')} value={reason} onChange={(e) => setReason(e.target.value)} required name="walkInReason"
                helperText={translate('app.booking.walk_in_help')} />
            )}
            {rule && (
              <TextField label={translate('app.booking.override_reason')} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus name="overrideReason"
                error={reason.length > 0 && reason.trim().length < 3} helperText={translate('app.booking.reason_required')} />
            )}
            {error && <Alert severity="error" role="alert">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} color={rule ? 'warning' : 'primary'}>
            {translate(busy ? 'app.booking.booking' : rule ? 'app.booking.override_book' : 'app.booking.book')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
