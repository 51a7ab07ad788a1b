import EventIcon from '@mui/icons-material/Event';
import { Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Datagrid, FunctionField, Labeled, ReferenceManyField, Show, SimpleShowLayout, TextField, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { api } from '../api/http';
import { describeError } from '../common/describeError';
import { StatusChip } from '../appointments/StatusChip';
import { BookingDialog } from '../booking/BookingDialog';
import { toPatientOption } from '../booking/PatientPicker';
import { useClinicData, zoneOf } from '../common/useClinicData';
import { ZonedDateField } from '../common/ZonedDateField';
import { NoShowFlag } from './NoShowFlag';

interface PatientRecord { id: string; fullName?: string; phone?: string; flagged?: boolean; noShowCount?: number }

/** The no-show flag, and for the front desk a way to lift it (a reason is required and audited). */
function FlagPanel() {
  const record = useRecordContext<PatientRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string | null>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!record) return null;
  const mayClear = record.flagged && (permissions === 'admin' || permissions === 'receptionist');
  const clear = async () => {
    try {
      await api(`/patients/${record.id}/clear-no-show-flag`, { method: 'POST', body: { reason: reason.trim() } });
      notify(translate('app.patients.flag_cleared'), { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(describeError(error, translate), { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <NoShowFlag flagged={Boolean(record.flagged)} count={record.noShowCount} />
      {mayClear && <Button size="small" onClick={() => setOpen(true)}>{translate('app.patients.clear_flag')}</Button>}
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('app.patients.clear_flag')}</DialogTitle>
        <DialogContent>
          <MuiTextField autoFocus fullWidth margin="dense" label={translate('app.patients.clear_flag_reason')} value={reason}
            onChange={(e) => setReason(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && reason.trim().length >= 3) void clear(); }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={reason.trim().length < 3} onClick={() => void clear()}>{translate('app.patients.clear_flag')}</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

function BookButton() {
  const record = useRecordContext<PatientRecord>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const { locations } = useClinicData();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const zone = zoneOf(locations, null);
  const nextHour = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000;
  return (
    <>
      <Button variant="contained" startIcon={<EventIcon />} onClick={() => setOpen(true)}>{translate('app.patients.book')}</Button>
      {open && (
        <BookingDialog draft={{ start: nextHour, providerId: null, locationId: null, zone, patient: toPatientOption(record as unknown as Record<string, unknown>) }}
          onClose={() => setOpen(false)} onBooked={() => { setOpen(false); refresh(); }} />
      )}
    </>
  );
}

/** A patient: contact, no-show flag, and every appointment in the caller's scope. */
export function PatientShow() {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <Stack direction="row" spacing={6} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Labeled source="fullName"><TextField source="fullName" /></Labeled>
          <Labeled source="phone"><TextField source="phone" /></Labeled>
          <Labeled source="language"><TextField source="language" /></Labeled>
          <Labeled source="dateOfBirth"><TextField source="dateOfBirth" emptyText="—" /></Labeled>
          <Labeled source="preferredChannel"><TextField source="preferredChannel" emptyText="—" /></Labeled>
        </Stack>
        <Labeled source="flagged"><FlagPanel /></Labeled>
        <BookButton />
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>{translate('app.patients.history')}</Typography>
            <ReferenceManyField reference="appointments" target="patientId" sort={{ field: 'start', order: 'DESC' }} perPage={50}>
              <Datagrid rowClick="show" bulkActionButtons={false}>
                <ZonedDateField source="start" />
                <TextField source="serviceName" sortable={false} />
                <TextField source="providerName" sortable={false} />
                <TextField source="locationName" sortable={false} emptyText="—" />
                <FunctionField source="status" render={(r: { status: string }) => <StatusChip status={r.status} />} />
                <TextField source="cancelReason" sortable={false} emptyText="" />
              </Datagrid>
            </ReferenceManyField>
          </CardContent>
        </Card>
      </SimpleShowLayout>
    </Show>
  );
}
