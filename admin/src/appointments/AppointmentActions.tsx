import { Alert, Button, FormControl, InputLabel, MenuItem, Select, Stack, TextField } from '@mui/material';
import { DateTime } from 'luxon';
import { type FormEvent, useState } from 'react';
import { useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { isApiError } from '../api/errors';
import { describeError, describeRule } from '../common/describeError';
import { useClinicData } from '../common/useClinicData';
import { allowedActions, appointmentActions } from './actions';

export interface ActionTarget { id: string; status: string; start: number; providerId: string }

type Form = null | 'cancel' | 'move' | 'provider';

/**
 * Check in, complete, no-show, cancel (with reason), move and change provider. A move that breaks a
 * rule comes back as POLICY_VIOLATION: the form then names the rule and asks for the reason.
 */
export function AppointmentActions({ appointment, zone, onChanged }: { appointment: ActionTarget; zone: string; onChanged: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { providers } = useClinicData();
  const [form, setForm] = useState<Form>(null);
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState(DateTime.fromMillis(appointment.start, { zone }).toFormat("yyyy-LL-dd'T'HH:mm"));
  const [providerId, setProviderId] = useState('');
  const [rule, setRule] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Providers may change the status of their own appointments; moving and cancelling is the desk's.
  const { canAccess: canManage } = useCanAccess({ resource: 'appointments', action: 'create' });
  const allowed = allowedActions(appointment.status).filter((a) => canManage || !['cancel', 'move', 'provider'].includes(a));

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      notify('app.actions.done', { type: 'success' });
      setForm(null);
      setReason('');
      setRule(null);
      onChanged();
    } catch (e) {
      if (isApiError(e) && e.code === 'POLICY_VIOLATION' && e.details.rule && e.details.rule !== 'reason_required') setRule(String(e.details.rule));
      else setError(describeError(e, translate, zone, locale));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form === 'cancel') {
      if (reason.trim().length < 3) return setError(translate('app.booking.reason_required'));
      void run(() => appointmentActions.cancel(appointment.id, reason));
    } else if (form === 'move') {
      if (rule && reason.trim().length < 3) return setError(translate('app.booking.reason_required'));
      void run(() => appointmentActions.move(appointment.id, DateTime.fromISO(when, { zone }).toUTC().toISO()!, rule ? reason : undefined));
    } else if (form === 'provider') {
      if (!providerId) return;
      if (reason.trim().length < 3) return setError(translate('app.booking.reason_required'));
      void run(() => appointmentActions.changeProvider(appointment.id, providerId, reason));
    }
  };

  const open = (f: Form) => {
    setForm(form === f ? null : f);
    setReason('');
    setRule(null);
    setError(null);
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {allowed.includes('confirmed') && <Button variant="outlined" disabled={busy} onClick={() => run(() => appointmentActions.setStatus(appointment.id, 'confirmed'))}>{translate('app.status.confirmed')}</Button>}
        {allowed.includes('checked_in') && <Button variant="contained" color="success" disabled={busy} onClick={() => run(() => appointmentActions.setStatus(appointment.id, 'checked_in'))}>{translate('app.actions.check_in')}</Button>}
        {allowed.includes('completed') && <Button variant="contained" disabled={busy} onClick={() => run(() => appointmentActions.setStatus(appointment.id, 'completed'))}>{translate('app.actions.complete')}</Button>}
        {allowed.includes('no_show') && <Button variant="outlined" color="error" disabled={busy} onClick={() => run(() => appointmentActions.setStatus(appointment.id, 'no_show'))}>{translate('app.actions.no_show')}</Button>}
        {allowed.includes('move') && <Button variant={form === 'move' ? 'contained' : 'outlined'} disabled={busy} onClick={() => open('move')}>{translate('app.actions.move')}</Button>}
        {allowed.includes('provider') && <Button variant={form === 'provider' ? 'contained' : 'outlined'} disabled={busy} onClick={() => open('provider')}>{translate('app.actions.change_provider')}</Button>}
        {allowed.includes('cancel') && <Button variant={form === 'cancel' ? 'contained' : 'outlined'} color="error" disabled={busy} onClick={() => open('cancel')}>{translate('app.actions.cancel')}</Button>}
      </Stack>
      {form && (
        <Stack component="form" spacing={1.5} onSubmit={submit} noValidate aria-label={translate(`app.actions.${form === 'provider' ? 'change_provider' : form}`)}>
          {form === 'move' && (
            <TextField label={translate('app.actions.new_start')} type="datetime-local" value={when} onChange={(e) => { setWhen(e.target.value); setRule(null); }}
              slotProps={{ inputLabel: { shrink: true } }} helperText={zone} autoFocus required />
          )}
          {form === 'provider' && (
            <FormControl required>
              <InputLabel id="new-provider">{translate('app.actions.new_provider')}</InputLabel>
              <Select labelId="new-provider" label={translate('app.actions.new_provider')} value={providerId} onChange={(e) => setProviderId(String(e.target.value))} autoFocus>
                {providers.filter((p) => p.id !== appointment.providerId).map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
              </Select>
            </FormControl>
          )}
          {rule && <Alert severity="warning" role="alert">{translate('app.booking.override_needed', { rule: describeRule(rule, translate) })}</Alert>}
          {(form !== 'move' || rule) && (
            <TextField label={form === 'cancel' ? translate('app.actions.cancel_reason_help') : form === 'move' ? translate('app.booking.override_reason') : translate('app.actions.reason')}
              value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus={form === 'cancel' || Boolean(rule)} name="reason" />
          )}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={busy}>{translate(rule ? 'app.booking.override_book' : 'app.actions.confirm')}</Button>
            <Button onClick={() => open(null)}>{translate('ra.action.cancel')}</Button>
          </Stack>
        </Stack>
      )}
      {error && <Alert severity="error" role="alert">{error}</Alert>}
    </Stack>
  );
}
