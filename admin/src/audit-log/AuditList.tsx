import { Datagrid, DateInput, FunctionField, List, TextField, TextInput, useTranslate } from 'react-admin';
import { ZonedDateField } from '../common/ZonedDateField';

interface AuditRow { details?: Record<string, unknown> | null; reason?: string | null; actorId?: string | null; actorType?: string }

function useFilters() {
  const translate = useTranslate();
  return [
    <TextInput key="action" source="action" alwaysOn resettable helperText="appointment.*" />,
    <DateInput key="from" source="from" label={translate('app.fields.from')} alwaysOn />,
    <DateInput key="to" source="to" label={translate('app.fields.to')} alwaysOn />,
    <TextInput key="entityType" source="entityType" resettable />,
    <TextInput key="patientId" source="patientId" resettable />,
    <TextInput key="actorId" source="actorId" resettable />,
  ];
}

const reasonOf = (r: AuditRow) => r.reason ?? (r.details?.reason as string | undefined) ?? (r.details?.overrideReason as string | undefined) ?? '';

/** Who did what to which record, when, from where and why — newest first. Read-only. */
export function AuditList() {
  return (
    <List filters={useFilters()} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <ZonedDateField source="at" />
        <FunctionField source="actorId" sortable={false} render={(r: AuditRow) => (r.actorId ? `${r.actorType ?? ''} ${r.actorId.slice(0, 8)}`.trim() : r.actorType ?? '—')} />
        <TextField source="action" sortable={false} />
        <FunctionField source="entityType" sortable={false} render={(r: AuditRow & { entityType?: string; entityId?: string }) => `${r.entityType ?? ''} ${r.entityId ? r.entityId.slice(0, 8) : ''}`} />
        <FunctionField source="reason" sortable={false} render={reasonOf} />
        <TextField source="ip" sortable={false} emptyText="—" />
        <FunctionField label="app.audit.details" render={(r: AuditRow) => (r.details ? <code style={{ fontSize: 11, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(r.details)}</code> : '')} />
      </Datagrid>
    </List>
  );
}
