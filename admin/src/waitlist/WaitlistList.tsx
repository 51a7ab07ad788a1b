import { Button } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid, DateInput, DeleteButton, Edit, FunctionField, List, NumberField, NumberInput, ReferenceField, ReferenceInput, SelectInput, SimpleForm,
  TextField, TextInput, maxValue, minValue, useRefresh, useTranslate,
} from 'react-admin';
import { pick } from '../common/pick';
import { ZonedDateField } from '../common/ZonedDateField';
import { OfferDialog } from './OfferDialog';

interface Entry { id: string; providerId?: string | null; locationId?: string | null; patientName?: string | null; status?: string }

const STATUSES = ['waiting', 'offered', 'booked', 'removed', 'expired'];

function OfferButton({ record, onOffer }: { record: Entry; onOffer: (e: Entry) => void }) {
  const translate = useTranslate();
  if (record.status !== 'waiting') return null;
  return <Button size="small" variant="outlined" onClick={(event) => { event.stopPropagation(); onOffer(record); }}>{translate('app.waitlist.offer')}</Button>;
}

function useFilters() {
  return [
    <SelectInput key="status" source="status" choices={STATUSES.map((s) => ({ id: s, name: s }))} alwaysOn />,
    <ReferenceInput key="serviceId" source="serviceId" reference="services" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" /></ReferenceInput>,
    <ReferenceInput key="providerId" source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" /></ReferenceInput>,
  ];
}

/** Waiting patients by urgency, then by when they joined; staff can offer a slot directly. */
export function WaitlistList() {
  const refresh = useRefresh();
  const [offering, setOffering] = useState<Entry | null>(null);
  return (
    <>
      <List filters={useFilters()} filterDefaultValues={{ status: 'waiting' }} sort={{ field: 'urgency', order: 'DESC' }} perPage={50}>
        <Datagrid bulkActionButtons={false} rowClick="edit">
          <TextField source="patientName" sortable={false} emptyText="—" />
          <ReferenceField source="serviceId" reference="services" link={false} sortable={false} />
          <ReferenceField source="providerId" reference="providers" link={false} sortable={false} emptyText="—" />
          <NumberField source="urgency" />
          <TextField source="earliestDate" />
          <TextField source="latestDate" />
          <TextField source="status" />
          <ZonedDateField source="createdAt" />
          <FunctionField render={(r: Entry) => <OfferButton record={r} onOffer={setOffering} />} />
          <DeleteButton mutationMode="pessimistic" />
        </Datagrid>
      </List>
      {offering && <OfferDialog entry={offering} onClose={() => setOffering(null)} onOffered={() => { setOffering(null); refresh(); }} />}
    </>
  );
}

const validate = (v: Record<string, unknown>) => (v.earliestDate && v.latestDate && String(v.latestDate) < String(v.earliestDate) ? { latestDate: 'app.validation.end_after_start' } : {});

/** Urgency, dates, provider, location and notes of one entry (PUT /waitlist/:id). */
export function WaitlistEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={pick(['urgency', 'earliestDate', 'latestDate', 'providerId', 'locationId', 'notes'])}>
      <SimpleForm validate={validate}>
        <TextField source="patientName" />
        <NumberInput source="urgency" validate={[minValue(0), maxValue(100)]} />
        <DateInput source="earliestDate" />
        <DateInput source="latestDate" />
        <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" /></ReferenceInput>
        <ReferenceInput source="locationId" reference="locations" sort={{ field: 'name', order: 'ASC' }}><SelectInput optionText="name" /></ReferenceInput>
        <TextInput source="notes" multiline />
      </SimpleForm>
    </Edit>
  );
}
