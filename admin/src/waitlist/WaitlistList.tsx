import { Button } from '@mui/material';
import { useState } from 'react';
import { Datagrid, DeleteButton, FunctionField, List, NumberField, ReferenceField, TextField, useRefresh, useTranslate } from 'react-admin';
import { ZonedDateField } from '../common/ZonedDateField';
import { OfferDialog } from './OfferDialog';

interface Entry { id: string; providerId?: string | null; locationId?: string | null; patientName?: string | null }

function OfferButton({ record, onOffer }: { record: Entry; onOffer: (e: Entry) => void }) {
  const translate = useTranslate();
  return <Button size="small" variant="outlined" onClick={(event) => { event.stopPropagation(); onOffer(record); }}>{translate('app.waitlist.offer')}</Button>;
}

/** Waiting patients by urgency, then by when they joined; staff can offer a slot directly. */
export function WaitlistList() {
  const refresh = useRefresh();
  const [offering, setOffering] = useState<Entry | null>(null);
  return (
    <>
      <List sort={{ field: 'urgency', order: 'DESC' }} perPage={50}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="patientName" sortable={false} emptyText="—" />
          <ReferenceField source="serviceId" reference="services" link={false} />
          <ReferenceField source="providerId" reference="providers" link={false} emptyText="—" />
          <NumberField source="urgency" />
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
