import {
  BooleanField, BooleanInput, Create, Datagrid, Edit, List, ReferenceField, ReferenceInput, SelectInput, SimpleForm, TextField, TextInput,
  maxLength, required, useCanAccess,
} from 'react-admin';
import { pick } from '../common/pick';
import { notBlank } from '../common/validation';

/** Rooms per location (services that need a room kind are booked into a free one); admins edit them (no delete: untick Active). */
export function RoomList() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'rooms', action: 'edit' });
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={canEdit ? 'edit' : false}>
        <TextField source="name" />
        <TextField source="kind" sortable={false} />
        <ReferenceField source="locationId" reference="locations" link={false} sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
}

function RoomForm() {
  return (
    <SimpleForm>
      <ReferenceInput source="locationId" reference="locations" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" validate={required()} /></ReferenceInput>
      <TextInput source="name" validate={[required(), maxLength(80), notBlank]} />
      <TextInput source="kind" validate={[required(), maxLength(40), notBlank]} helperText={false} />
      <BooleanInput source="active" defaultValue />
    </SimpleForm>
  );
}

const toBody = pick(['locationId', 'name', 'kind', 'active']);

export const RoomEdit = () => <Edit mutationMode="pessimistic" transform={toBody}><RoomForm /></Edit>;
export const RoomCreate = () => <Create redirect="list" transform={toBody}><RoomForm /></Create>;
