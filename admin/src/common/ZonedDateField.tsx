import { useLocaleState, useRecordContext } from 'react-admin';
import { formatDateTime } from './time';
import { useClinicData, zoneOf } from './useClinicData';

/** A date-time in the record's location zone (or the clinic's), not the browser's. */
export function ZonedDateField({ source, label: _label, sortable: _sortable }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<Record<string, unknown>>();
  const [locale] = useLocaleState();
  const { locations } = useClinicData();
  const value = record?.[source] as string | undefined;
  if (!value) return <span>—</span>;
  return <span>{formatDateTime(value, zoneOf(locations, record?.locationId as string | undefined), locale)}</span>;
}
