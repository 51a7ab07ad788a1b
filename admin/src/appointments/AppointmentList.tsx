import { AutocompleteInput, Datagrid, DateInput, FunctionField, List, ReferenceInput, SelectInput, TextField, TextInput, useTranslate } from 'react-admin';
import { STATUSES } from '../calendar/statusStyles';
import { ZonedDateField } from '../common/ZonedDateField';
import { StatusChip } from './StatusChip';

function useFilters() {
  const translate = useTranslate();
  return [
    <TextInput key="patientPhone" source="patientPhone" label={translate('app.appointments.patient_phone')} alwaysOn resettable />,
    <DateInput key="from" source="from" label={translate('app.appointments.date_from')} alwaysOn />,
    <DateInput key="to" source="to" label={translate('app.appointments.date_to')} alwaysOn />,
    <SelectInput key="status" source="status" choices={STATUSES.map((s) => ({ id: s, name: translate(`app.status.${s}`) }))} />,
    <ReferenceInput key="providerId" source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}><AutocompleteInput optionText="name" /></ReferenceInput>,
    <ReferenceInput key="locationId" source="locationId" reference="locations" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" /></ReferenceInput>,
  ];
}

/** Appointments in the caller's scope, filterable by date range, provider, location, status and patient phone (E.164). */
export function AppointmentList() {
  return (
    <List filters={useFilters()} sort={{ field: 'start', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ZonedDateField source="start" />
        <TextField source="patientName" sortable={false} />
        <TextField source="patientPhone" sortable={false} />
        <TextField source="serviceName" sortable={false} />
        <TextField source="providerName" sortable={false} />
        <TextField source="locationName" sortable={false} />
        <FunctionField source="status" render={(r: { status: string }) => <StatusChip status={r.status} />} />
        <TextField source="source" sortable={false} />
      </Datagrid>
    </List>
  );
}
