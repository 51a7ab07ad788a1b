import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useLocaleState, useRedirect, useTranslate } from 'react-admin';
import type { CalendarAppointment } from '../calendar/types';
import { formatDateTime, formatTime } from '../common/time';
import { AppointmentActions } from './AppointmentActions';
import { StatusChip } from './StatusChip';

interface Props { appointment: CalendarAppointment; zone: string; onClose: () => void; onChanged: () => void }

/** Opened from the calendar: who, what, when, and the actions that make sense for its status. */
export function AppointmentDialog({ appointment: a, zone, onClose, onChanged }: Props) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [locale] = useLocaleState();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="appointment-title">
      <DialogTitle id="appointment-title">
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <span>{a.patientName || translate('app.actions.title')}</span>
          <StatusChip status={a.status} />
        </Stack>
      </DialogTitle>
      <DialogContent>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: 0.75, m: 0, mb: 2, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
          <dt>{translate('app.fields.start')}</dt><dd>{formatDateTime(new Date(a.start), zone, locale)} – {formatTime(new Date(a.end), zone, locale)}</dd>
          <dt>{translate('app.fields.service')}</dt><dd>{a.serviceName}</dd>
          <dt>{translate('app.fields.provider')}</dt><dd>{a.providerName}</dd>
          <dt>{translate('app.fields.location')}</dt><dd>{a.locationName ?? translate('app.common.none')}</dd>
          <dt>{translate('app.fields.source')}</dt><dd><Chip size="small" label={a.source} variant="outlined" /></dd>
        </Box>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate('app.actions.title')}</Typography>
        <AppointmentActions appointment={a} zone={zone} onChanged={() => { onChanged(); onClose(); }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => redirect('show', 'appointments', a.id)}>{translate('app.actions.open')}</Button>
        <Button onClick={onClose}>{translate('app.actions.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
