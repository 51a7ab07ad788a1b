import { Box } from '@mui/material';
import { useMemo } from 'react';
import { renderSVG } from 'uqr';

/** The QR payload drawn as an SVG (rendered locally: the payload logs the clinic phone in, so it never goes to a QR web service). */
export function QrCode({ value, label, size = 264 }: { value: string; label: string; size?: number }) {
  const svg = useMemo(() => renderSVG(value, { border: 2 }), [value]);
  return <Box role="img" aria-label={label} sx={{ width: size, height: size, '& svg': { width: '100%', height: '100%' } }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
