import {
  BooleanField, BooleanInput, Create, Datagrid, Edit, List, NumberField, NumberInput, SimpleForm, TextField, TextInput,
  maxLength, maxValue, minValue, regex, required, useCanAccess,
} from 'react-admin';
import { pick } from '../common/pick';
import { notBlank } from '../common/validation';

/** Appointment types with durations, buffers and booking limits; admins edit them (no delete: untick Active). */
export function ServiceList() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'services', action: 'edit' });
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={canEdit ? 'edit' : false}>
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
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
}

// The same bounds as the API's ServiceInputDto, so the form says what is wrong before saving.
const buffer = [minValue(0), maxValue(120)];

function ServiceForm() {
  return (
    <SimpleForm>
      <TextInput source="code" validate={[required(), regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'app.validation.service_code')]} />
      <TextInput source="name" validate={[required(), maxLength(120), notBlank]} />
      <TextInput source="nameEs" validate={maxLength(120)} />
      <NumberInput source="durationMinutes" validate={[required(), minValue(5), maxValue(480)]} step={5} />
      <NumberInput source="bufferBeforeMinutes" validate={buffer} defaultValue={0} step={5} />
      <NumberInput source="bufferAfterMinutes" validate={buffer} defaultValue={0} step={5} />
      <TextInput source="roomKind" validate={maxLength(40)} />
      <NumberInput source="minNoticeMinutes" validate={minValue(0)} />
      <NumberInput source="maxAdvanceDays" validate={[minValue(1), maxValue(365)]} />
      <NumberInput source="depositCents" validate={minValue(0)} defaultValue={0} />
      <BooleanInput source="newPatientOnly" defaultValue={false} />
      <BooleanInput source="telehealth" defaultValue={false} />
      <BooleanInput source="active" defaultValue />
    </SimpleForm>
  );
}

const toBody = pick([
  'code', 'name', 'nameEs', 'durationMinutes', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'roomKind', 'minNoticeMinutes', 'maxAdvanceDays',
  'depositCents', 'newPatientOnly', 'telehealth', 'active',
]);

export const ServiceEdit = () => <Edit mutationMode="pessimistic" transform={toBody}><ServiceForm /></Edit>;
export const ServiceCreate = () => <Create redirect="list" transform={toBody}><ServiceForm /></Create>;
