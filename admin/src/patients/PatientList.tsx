import { Datagrid, FunctionField, List, NumberField, SearchInput, TextField } from 'react-admin';
import { ZonedDateField } from '../common/ZonedDateField';
import { NoShowFlag } from './NoShowFlag';

interface PatientRecord { flagged?: boolean; noShowCount?: number }

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="+12125550123 / Ana Lima" />];

/** Patients in the caller's scope; search by phone (any format) or name. */
export function PatientList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="fullName" sortable={false} />
        <TextField source="phone" sortable={false} />
        <TextField source="language" sortable={false} />
        <NumberField source="noShowCount" />
        <FunctionField source="flagged" sortable={false} render={(r: PatientRecord) => <NoShowFlag flagged={Boolean(r.flagged)} />} />
        <ZonedDateField source="createdAt" />
      </Datagrid>
    </List>
  );
}
