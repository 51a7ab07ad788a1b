import { BooleanField, Datagrid, List, NumberField, TextField } from 'react-admin';

/** Appointment types with durations, buffers and booking limits. Read-only: the staff API exposes no service writes yet. */
export function ServiceList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <TextField source="nameEs" sortable={false} />
        <NumberField source="durationMinutes" sortable={false} />
        <NumberField source="bufferBeforeMinutes" sortable={false} />
        <NumberField source="bufferAfterMinutes" sortable={false} />
        <TextField source="roomKind" sortable={false} emptyText="—" />
        <NumberField source="minNoticeMinutes" sortable={false} emptyText="—" />
        <NumberField source="maxAdvanceDays" sortable={false} emptyText="—" />
        <BooleanField source="newPatientOnly" sortable={false} />
        <BooleanField source="telehealth" sortable={false} />
      </Datagrid>
    </List>
  );
}
