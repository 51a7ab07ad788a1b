import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Button, FormControl, IconButton, InputLabel, MenuItem, Select, Stack, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Location, Provider, Scope, ViewKind } from './types';

interface Props {
  view: ViewKind;
  scope: Scope | null;
  title: string;
  locations: Location[];
  providers: Provider[];
  onView: (view: ViewKind) => void;
  onScope: (scope: Scope) => void;
  onStep: (direction: -1 | 0 | 1) => void;
  /** Absent when the user may not book. */
  onWalkIn?: () => void;
}

export function CalendarToolbar({ view, scope, title, locations, providers, onView, onScope, onStep, onWalkIn }: Props) {
  const translate = useTranslate();
  const kind = scope?.kind ?? 'location';
  const options = kind === 'location' ? locations : providers;
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <Tooltip title={translate('app.calendar.previous')}>
          <IconButton aria-label={translate('app.calendar.previous')} onClick={() => onStep(-1)}><ChevronLeftIcon /></IconButton>
        </Tooltip>
        <Button variant="outlined" size="small" onClick={() => onStep(0)}>{translate('app.calendar.today')}</Button>
        <Tooltip title={translate('app.calendar.next')}>
          <IconButton aria-label={translate('app.calendar.next')} onClick={() => onStep(1)}><ChevronRightIcon /></IconButton>
        </Tooltip>
      </Stack>
      <Typography variant="h6" component="h2" sx={{ minWidth: 260 }} aria-live="polite">{title}</Typography>
      <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, v: ViewKind | null) => v && onView(v)} aria-label={translate('app.calendar.title')}>
        <ToggleButton value="day">{translate('app.calendar.day')}</ToggleButton>
        <ToggleButton value="week">{translate('app.calendar.week')}</ToggleButton>
      </ToggleButtonGroup>
      <ToggleButtonGroup size="small" exclusive value={kind} aria-label={translate('app.calendar.by_location')}
        onChange={(_, k: Scope['kind'] | null) => {
          if (!k || k === kind) return;
          const first = (k === 'location' ? locations : providers)[0];
          if (first) onScope({ kind: k, id: first.id });
        }}>
        <ToggleButton value="location">{translate('app.calendar.by_location')}</ToggleButton>
        <ToggleButton value="provider">{translate('app.calendar.by_provider')}</ToggleButton>
      </ToggleButtonGroup>
      <FormControl size="small" fullWidth={false} sx={{ width: 240 }}>
        <InputLabel id="calendar-scope-label">{translate(kind === 'location' ? 'app.calendar.location' : 'app.calendar.provider')}</InputLabel>
        <Select labelId="calendar-scope-label" label={translate(kind === 'location' ? 'app.calendar.location' : 'app.calendar.provider')}
          value={options.some((o) => o.id === scope?.id) ? scope!.id : ''} onChange={(e) => onScope({ kind, id: String(e.target.value) })}>
          {options.map((o) => <MenuItem key={o.id} value={o.id}>{o.name}</MenuItem>)}
        </Select>
      </FormControl>
      {onWalkIn && <Button variant="contained" onClick={onWalkIn} sx={{ ml: 'auto' }}>{translate('app.booking.walk_in')}</Button>}
    </Stack>
  );
}
