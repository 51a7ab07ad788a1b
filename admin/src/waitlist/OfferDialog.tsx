import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, InputLabel, MenuItem, Select, Stack, TextField } from '@mui/material';
import { DateTime } from 'luxon';
import { type FormEvent, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { api } from '../api/http';
import { describeError } from '../common/describeError';
import { useClinicData, zoneOf } from '../common/useClinicData';

interface Entry { id: string; providerId?: string | null; locationId?: string | null; patientName?: string | null }

/** Staff offer a freed slot straight to a waiting patient (POST /waitlist/:id/offer). */
export function OfferDialog({ entry, onClose, onOffered }: { entry: Entry; onClose: () => void; onOffered: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { providers, locations } = useClinicData();
  const zone = zoneOf(locations, entry.locationId);
  const [providerId, setProviderId] = useState(entry.providerId ?? '');
  const [when, setWhen] = useState(DateTime.now().setZone(zone).plus({ days: 1 }).set({ hour: 9, minute: 0 }).toFormat("yyyy-LL-dd'T'HH:mm"));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/waitlist/${entry.id}/offer`, { method: 'POST', body: { providerId, start: DateTime.fromISO(when, { zone }).toUTC().toISO() } });
      notify('app.waitlist.offered', { type: 'success' });
      onOffered();
    } catch (e) {
      setError(describeError(e, translate, zone, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="offer-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="offer-title">{translate('app.waitlist.offer_title')}{entry.patientName ? `: ${entry.patientName}` : ''}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <FormControl required>
              <InputLabel id="offer-provider">{translate('app.booking.provider')}</InputLabel>
              <Select labelId="offer-provider" label={translate('app.booking.provider')} value={providerId} onChange={(e) => setProviderId(String(e.target.value))} autoFocus>
                {providers.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
              </Select>
            </FormControl>
            <TextField label={translate('app.booking.when')} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} helperText={zone} slotProps={{ inputLabel: { shrink: true } }} required />
            {error && <Alert severity="error" role="alert">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !providerId}>{translate('app.waitlist.offer')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
