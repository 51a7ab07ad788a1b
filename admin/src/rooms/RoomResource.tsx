import { Datagrid, List, ReferenceField, TextField } from 'react-admin';

/** Rooms per location (services that need a room kind are booked into a free one). Read-only in the staff API. */
export function RoomList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <TextField source="kind" sortable={false} />
        <ReferenceField source="locationId" reference="locations" link={false} sortable={false} />
      </Datagrid>
    </List>
  );
}
