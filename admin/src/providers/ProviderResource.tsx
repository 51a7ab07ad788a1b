import { BooleanField, ChipField, Datagrid, List, ReferenceArrayField, SingleFieldList, TextField } from 'react-admin';

/** Providers and the services they offer. Read-only: the staff API exposes no provider writes yet. */
export function ProviderList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <TextField source="specialty" sortable={false} />
        <TextField source="languages" sortable={false} />
        <BooleanField source="telehealth" sortable={false} />
        <ReferenceArrayField source="serviceIds" reference="services" sortable={false}>
          <SingleFieldList linkType={false}><ChipField source="name" size="small" /></SingleFieldList>
        </ReferenceArrayField>
      </Datagrid>
    </List>
  );
}
