import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { statusStyle } from '../calendar/statusStyles';

/** A status in words and colour (never colour alone). */
export function StatusChip({ status }: { status: string }) {
  const translate = useTranslate();
  const s = statusStyle(status);
  return (
    <Chip size="small" label={translate(`app.status.${status}`, { _: status })} data-status={status}
      sx={{ background: s.background, color: s.text, border: `1px ${s.pattern === 'dashed' ? 'dashed' : 'solid'} ${s.border}`, fontWeight: 600, textDecoration: s.pattern === 'struck' ? 'line-through' : 'none' }} />
  );
}
