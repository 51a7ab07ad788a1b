import { Card, CardContent, Stack, Typography } from '@mui/material';
import { FunctionField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useClinicData, zoneOf } from '../common/useClinicData';
import { ZonedDateField } from '../common/ZonedDateField';
import { AppointmentActions } from './AppointmentActions';
import { AppointmentHistory } from './AppointmentHistory';
import { StatusChip } from './StatusChip';

interface AppointmentRecord { id: string; status: string; start: string; providerId: string; locationId: string | null }

function Actions() {
  const record = useRecordContext<AppointmentRecord>();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { locations } = useClinicData();
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1.5 }}>{translate('app.actions.title')}</Typography>
        <AppointmentActions appointment={{ id: record.id, status: record.status, start: Date.parse(record.start), providerId: record.providerId }}
          zone={zoneOf(locations, record.locationId)} onChanged={refresh} />
      </CardContent>
    </Card>
  );
}

function History() {
  const record = useRecordContext<AppointmentRecord>();
  const { locations } = useClinicData();
  if (!record) return null;
  return <AppointmentHistory appointmentId={record.id} zone={zoneOf(locations, record.locationId)} />;
}

/** One appointment: what, when, who, its status and the actions its status allows. */
export function AppointmentShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <Stack direction="row" spacing={6} sx={{ flexWrap: 'wrap' }}>
          <Labeled source="start"><ZonedDateField source="start" /></Labeled>
          <Labeled source="end"><ZonedDateField source="end" /></Labeled>
          <Labeled source="status"><FunctionField source="status" render={(r: { status: string }) => <StatusChip status={r.status} />} /></Labeled>
        </Stack>
        <Stack direction="row" spacing={6} sx={{ flexWrap: 'wrap' }}>
          <Labeled source="patientName"><TextField source="patientName" /></Labeled>
          <Labeled source="patientPhone"><TextField source="patientPhone" /></Labeled>
          <Labeled source="serviceName"><TextField source="serviceName" /></Labeled>
          <Labeled source="providerName"><TextField source="providerName" /></Labeled>
          <Labeled source="locationName"><TextField source="locationName" emptyText="—" /></Labeled>
          <Labeled source="source"><TextField source="source" /></Labeled>
        </Stack>
        <TextField source="cancelReason" emptyText="—" />
        <Actions />
        <History />
      </SimpleShowLayout>
    </Show>
  );
}
