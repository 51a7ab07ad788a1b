import { Alert, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { api } from '../api/http';
import { isApiError } from '../api/errors';
import { describeError } from '../common/describeError';
import { formatDateTime } from '../common/time';
import { usePolling } from '../common/usePolling';
import { useClinicData, zoneOf } from '../common/useClinicData';
import { QrCode } from './QrCode';

interface WhatsAppWebStatus { enabled: boolean; state: string; qr: string | null; updatedAt: string | null; reconnectAttempts: number }

/** Channel settings: the WhatsApp Web session and its QR code (refreshed every few seconds: a QR lives ~20 s). */
export function ChannelsPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { locations } = useClinicData();
  const zone = zoneOf(locations, null);
  const status = usePolling('whatsapp-web', () => api<WhatsAppWebStatus>('/channels/whatsapp-web/qr'), 4_000);
  const s = status.data;
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('app.channels.title')} />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{translate('app.channels.whatsapp_web')}</Typography>
          {status.error ? (
            <Alert severity={isApiError(status.error) && status.error.status === 403 ? 'info' : 'error'}>
              {isApiError(status.error) && status.error.status === 403 ? translate('app.channels.unavailable') : describeError(status.error, translate)}
            </Alert>
          ) : null}
          {s && !s.enabled && <Alert severity="info">{translate('app.channels.not_enabled')}</Alert>}
          {s?.enabled && (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={4} sx={{ alignItems: 'flex-start' }}>
              <Stack spacing={1}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography>{translate('app.channels.state')}:</Typography>
                  <Chip label={s.state === 'ready' ? translate('app.channels.ready') : s.state} color={s.state === 'ready' ? 'success' : s.state === 'qr' ? 'warning' : 'default'} />
                </Stack>
                {s.updatedAt && <Typography variant="caption" color="text.secondary">{translate('app.channels.updated', { time: formatDateTime(s.updatedAt, zone, locale) })}</Typography>}
                {s.qr && <Typography sx={{ maxWidth: 360 }}>{translate('app.channels.scan')}</Typography>}
              </Stack>
              {s.qr && <QrCode value={s.qr} label={translate('app.channels.scan')} />}
            </Stack>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
