import { Autocomplete, Box, CircularProgress, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { describeError } from '../common/describeError';

export interface PatientOption { id: string; name: string; phone: string; flagged?: boolean }

export function toPatientOption(p: Record<string, unknown>): PatientOption {
  return {
    id: String(p.id),
    name: String(p.fullName ?? p.name ?? ''),
    phone: String(p.phone ?? ''),
    flagged: Boolean(p.flaggedAt ?? p.flagged),
  };
}

interface Props {
  value: PatientOption | null;
  onChange: (patient: PatientOption | null) => void;
  autoFocus?: boolean;
}

/** Finds a patient by phone or name (GET /patients?filter={"q":…}); results are scoped by the API. */
export function PatientPicker({ value, onChange, autoFocus }: Props) {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<PatientOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = input.trim();
    if (q.length < 3 || (value && input === label(value))) {
      setOptions(value ? [value] : []);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const { data } = await dataProvider.getList('patients', { filter: { q }, pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'DESC' } });
        if (!cancelled) {
          setOptions(data.map(toPatientOption));
          setError(null);
        }
      } catch (e) {
        if (!cancelled) setError(describeError(e, translate));
      } finally {
        if (!cancelled) setLoading(false);
      }
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [input, value, dataProvider, translate]);

  return (
    <Autocomplete
      value={value}
      onChange={(_, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      options={options}
      filterOptions={(x) => x}
      getOptionLabel={label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading}
      noOptionsText={input.trim().length < 3 ? translate('app.booking.patient_search_help') : translate('app.booking.no_patient')}
      renderOption={(props, option) => (
        <Box component="li" {...props} key={option.id}>
          <Box>
            <Box sx={{ fontWeight: 600 }}>{option.name}</Box>
            <Box sx={{ fontSize: 12, color: 'text.secondary' }}>{option.phone}{option.flagged ? ` · ${translate('app.patients.flagged')}` : ''}</Box>
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField {...params} label={translate('app.booking.patient_search')} autoFocus={autoFocus} name="patient-search"
          error={Boolean(error)} helperText={error ?? translate('app.booking.patient_search_help')}
          slotProps={{ ...params.slotProps, input: { ...params.slotProps.input, endAdornment: <>{loading ? <CircularProgress size={18} /> : null}{params.slotProps.input.endAdornment}</> } }} />
      )}
    />
  );
}

function label(p: PatientOption): string {
  return p.phone ? `${p.name} (${p.phone})` : p.name;
}
