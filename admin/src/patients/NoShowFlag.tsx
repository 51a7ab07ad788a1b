import FlagIcon from '@mui/icons-material/Flag';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The no-show flag in words (and an icon), never colour alone. */
export function NoShowFlag({ flagged, count }: { flagged: boolean; count?: number }) {
  const translate = useTranslate();
  if (!flagged) return <Chip size="small" variant="outlined" label={translate('app.patients.not_flagged')} />;
  return <Chip size="small" color="error" icon={<FlagIcon />} label={`${translate('app.patients.flagged')}${count ? ` (${count})` : ''}`} />;
}
