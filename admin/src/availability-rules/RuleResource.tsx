import {
  AutocompleteArrayInput, Create, Datagrid, DateInput, Edit, FunctionField, List, NumberInput, ReferenceArrayInput, ReferenceField, ReferenceInput,
  SelectInput, SimpleForm, TextField, TextInput, required, useCanAccess, useTranslate,
} from 'react-admin';
import { pick } from '../common/pick';
import { endAfterStart, positive, timeOfDay } from '../common/validation';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function useWeekdayChoices() {
  const translate = useTranslate();
  return WEEKDAYS.map((d) => ({ id: d, name: translate(`app.weekday.${d}`) }));
}

const hhmm = (v: unknown) => (typeof v === 'string' ? v.slice(0, 5) : '');

function useFilters() {
  const weekdays = useWeekdayChoices();
  return [
    <ReferenceInput key="providerId" source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }} alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
    <ReferenceInput key="locationId" source="locationId" reference="locations" sort={{ field: 'name', order: 'ASC' }} alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
    <SelectInput key="weekday" source="weekday" choices={weekdays} />,
  ];
}

/** Weekly working hours per provider and location; slots are computed from these on every read. */
export function RuleList() {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ resource: 'availability-rules', action: 'edit' });
  return (
    <List filters={useFilters()} sort={{ field: 'weekday', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <ReferenceField source="providerId" reference="providers" link={false} sortable={false} />
        <ReferenceField source="locationId" reference="locations" link={false} sortable={false} emptyText={translate('app.common.telehealth')} />
        <FunctionField source="weekday" render={(r: { weekday: number }) => translate(`app.weekday.${r.weekday}`)} />
        <FunctionField source="startTime" sortable={false} render={(r: { startTime: string }) => hhmm(r.startTime)} />
        <FunctionField source="endTime" sortable={false} render={(r: { endTime: string }) => hhmm(r.endTime)} />
        <TextField source="validFrom" sortable={false} emptyText="—" />
        <TextField source="validTo" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

const validateRule = (values: Record<string, unknown>) => ({
  ...endAfterStart('startTime', 'endTime')({ startTime: hhmm(values.startTime), endTime: hhmm(values.endTime) }),
  ...(values.validFrom && values.validTo && String(values.validTo) < String(values.validFrom) ? { validTo: 'app.validation.end_after_start' } : {}),
});

function RuleForm() {
  const weekdays = useWeekdayChoices();
  const translate = useTranslate();
  return (
    <SimpleForm validate={validateRule}>
      <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" validate={required()} /></ReferenceInput>
      <ReferenceInput source="locationId" reference="locations" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" emptyText={translate('app.common.telehealth')} /></ReferenceInput>
      <SelectInput source="weekday" choices={weekdays} validate={required()} />
      <TextInput source="startTime" validate={[required(), timeOfDay]} placeholder="09:00" format={hhmm} />
      <TextInput source="endTime" validate={[required(), timeOfDay]} placeholder="17:00" format={hhmm} />
      <DateInput source="validFrom" />
      <DateInput source="validTo" />
      <ReferenceArrayInput source="serviceIds" reference="services" sort={{ field: 'name', order: 'ASC' }}><AutocompleteArrayInput optionText="name" /></ReferenceArrayInput>
      <NumberInput source="slotStepMinutes" validate={positive} step={5} />
    </SimpleForm>
  );
}

const FIELDS = ['providerId', 'locationId', 'weekday', 'startTime', 'endTime', 'validFrom', 'validTo', 'serviceIds', 'slotStepMinutes'] as const;
const toBody = (r: Record<string, unknown>) => {
  const body = pick(FIELDS)(r);
  return { ...body, startTime: hhmm(body.startTime), endTime: hhmm(body.endTime), weekday: Number(body.weekday) };
};

export const RuleEdit = () => <Edit mutationMode="pessimistic" transform={toBody}><RuleForm /></Edit>;
export const RuleCreate = () => <Create redirect="list" transform={toBody}><RuleForm /></Create>;
