import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { STATUS_STYLES, type AppointmentStatus } from './statusStyles';

const SHOWN: AppointmentStatus[] = ['requested', 'confirmed', 'checked_in', 'completed', 'no_show', 'cancelled', 'held'];

/** What the colours mean (each block also says its status in words). */
export function Legend() {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 0.5 }} component="ul" aria-label={translate('app.calendar.legend')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      <Typography component="li" variant="caption" color="text.secondary" sx={{ fontWeight: 600 }}>{translate('app.calendar.legend')}:</Typography>
      {SHOWN.map((status) => {
        const s = STATUS_STYLES[status];
        return (
          <Stack component="li" key={status} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box aria-hidden sx={{ width: 14, height: 14, borderRadius: 0.5, background: status === 'held' ? 'repeating-linear-gradient(45deg, #ede9fe 0 4px, #f5f3ff 4px 8px)' : s.background, border: `1px ${s.pattern === 'dashed' ? 'dashed' : 'solid'} ${s.border}`, borderLeft: `4px solid ${s.border}` }} />
            <Typography variant="caption" sx={{ textDecoration: s.pattern === 'struck' ? 'line-through' : 'none' }}>{translate(`app.status.${status}`)}</Typography>
          </Stack>
        );
      })}
    </Stack>
  );
}
