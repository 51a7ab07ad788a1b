import { FormControl, InputLabel, MenuItem, Select, Stack, TextField } from '@mui/material';
import type { ReportFilters } from './reportsApi';
import type { ReportText } from './messages';

interface Option { id: string; name: string }
interface Props {
  value: ReportFilters;
  onChange: (next: ReportFilters) => void;
  locations: Option[];
  providers: Option[];
  services: Option[];
  text: ReportText;
}

const CHANNELS = ['whatsapp', 'sms', 'console', 'walk_in', 'api'];

/** The filters every report takes: local date range, period, location, provider, service, channel. */
export function ReportFiltersBar({ value, onChange, locations, providers, services, text }: Props) {
  const set = (patch: Partial<ReportFilters>) => onChange({ ...value, ...patch });
  const pick = (label: string, current: string | undefined, options: Option[], key: keyof ReportFilters) => (
    <FormControl size="small" fullWidth={false} sx={{ width: 180 }}>
      <InputLabel id={`report-${key}`}>{label}</InputLabel>
      <Select labelId={`report-${key}`} label={label} value={current ?? ''} onChange={(e) => set({ [key]: e.target.value || undefined })}>
        <MenuItem value="">{text.all}</MenuItem>
        {options.map((o) => <MenuItem key={o.id} value={o.id}>{o.name}</MenuItem>)}
      </Select>
    </FormControl>
  );
  return (
    <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', rowGap: 1.5, alignItems: 'center' }} className="reports-no-print">
      <TextField size="small" fullWidth={false} sx={{ width: 170 }} type="date" label={text.from} value={value.from} onChange={(e) => e.target.value && set({ from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField size="small" fullWidth={false} sx={{ width: 170 }} type="date" label={text.to} value={value.to} onChange={(e) => e.target.value && set({ to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
      <FormControl size="small" fullWidth={false} sx={{ width: 130 }}>
        <InputLabel id="report-group">{text.groupBy}</InputLabel>
        <Select labelId="report-group" label={text.groupBy} value={value.groupBy} onChange={(e) => set({ groupBy: e.target.value as ReportFilters['groupBy'] })}>
          <MenuItem value="day">{text.day}</MenuItem>
          <MenuItem value="week">{text.week}</MenuItem>
          <MenuItem value="month">{text.month}</MenuItem>
        </Select>
      </FormControl>
      {pick(text.location, value.locationId, locations, 'locationId')}
      {pick(text.provider, value.providerId, providers, 'providerId')}
      {pick(text.service, value.serviceId, services, 'serviceId')}
      {pick(text.channel, value.channel, CHANNELS.map((c) => ({ id: c, name: c.replace('_', '-') })), 'channel')}
    </Stack>
  );
}
