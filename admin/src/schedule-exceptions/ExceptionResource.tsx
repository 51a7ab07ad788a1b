import {
  Create, Datagrid, DateInput, Edit, FunctionField, List, ReferenceField, ReferenceInput, SelectField, SelectInput, SimpleForm, TextField, TextInput, required, useTranslate,
} from 'react-admin';
import { pick } from '../common/pick';
import { timeOfDay } from '../common/validation';

const KINDS = ['closed', 'holiday', 'extra_hours', 'staff_block'];

function useKinds() {
  const translate = useTranslate();
  return KINDS.map((k) => ({ id: k, name: translate(`app.exception_kind.${k}`) }));
}

interface ExceptionRecord { startsOn: string; endsOn: string; startTime?: string | null; endTime?: string | null }

/** Closed days, holidays, extra hours and staff blocks, on top of the weekly hours. */
export function ExceptionList() {
  const kinds = useKinds();
  const translate = useTranslate();
  return (
    <List sort={{ field: 'startsOn', order: 'DESC' }} perPage={50}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <SelectField source="kind" choices={kinds} sortable={false} />
        <ReferenceField source="providerId" reference="providers" link={false} sortable={false} emptyText={translate('app.common.all')} />
        <ReferenceField source="locationId" reference="locations" link={false} sortable={false} emptyText={translate('app.common.all')} />
        <FunctionField source="startsOn" render={(r: ExceptionRecord) => (r.startsOn === r.endsOn ? r.startsOn : `${r.startsOn} → ${r.endsOn}`)} />
        <FunctionField source="startTime" sortable={false} render={(r: ExceptionRecord) => (r.startTime ? `${r.startTime}–${r.endTime}` : translate('app.exception_kind.whole_day'))} />
        <TextField source="reason" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

/** Dates in order; both times or neither; extra hours need a provider and times (as the API checks). */
export function validateException(v: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.startsOn && v.endsOn && String(v.endsOn) < String(v.startsOn)) errors.endsOn = 'app.validation.end_after_start';
  const hasStart = Boolean(v.startTime);
  const hasEnd = Boolean(v.endTime);
  if (hasStart !== hasEnd) errors[hasStart ? 'endTime' : 'startTime'] = 'app.validation.both_times';
  if (hasStart && hasEnd && String(v.endTime) <= String(v.startTime)) errors.endTime = 'app.validation.end_after_start';
  if (v.kind === 'extra_hours' && !v.providerId) errors.providerId = 'app.validation.extra_hours_provider';
  if (v.kind === 'extra_hours' && !hasStart) errors.startTime = 'app.validation.extra_hours_times';
  return errors;
}

function ExceptionForm() {
  const kinds = useKinds();
  return (
    <SimpleForm validate={validateException}>
      <SelectInput source="kind" choices={kinds} validate={required()} />
      <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" /></ReferenceInput>
      <ReferenceInput source="locationId" reference="locations" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" /></ReferenceInput>
      <DateInput source="startsOn" validate={required()} />
      <DateInput source="endsOn" validate={required()} />
      <TextInput source="startTime" validate={timeOfDay} placeholder="13:00" />
      <TextInput source="endTime" validate={timeOfDay} placeholder="15:00" />
      <TextInput source="reason" multiline />
    </SimpleForm>
  );
}

const toBody = pick(['kind', 'locationId', 'providerId', 'startsOn', 'endsOn', 'startTime', 'endTime', 'serviceIds', 'slotStepMinutes', 'reason']);

export const ExceptionEdit = () => <Edit mutationMode="pessimistic" transform={toBody}><ExceptionForm /></Edit>;
export const ExceptionCreate = () => <Create redirect="list" transform={toBody}><ExceptionForm /></Create>;
