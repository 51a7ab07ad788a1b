import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { api } from '../api/http';
import { formatDateTime } from '../common/time';

interface AuditEntry { id: string; at: string; actorType: string; actorId: string | null; action: string; reason: string | null }

/**
 * Who did what to this appointment, and why: its audit trail (overrides carry their reason). The
 * API gives the front desk the history of their own locations' appointments only.
 */
export function AppointmentHistory({ appointmentId, zone }: { appointmentId: string; zone: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<string | null>();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const allowed = permissions === 'admin' || permissions === 'owner' || permissions === 'receptionist';
  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    api<AuditEntry[]>('/audit-log', { query: { filter: JSON.stringify({ entityType: 'appointment', entityId: appointmentId }), sort: JSON.stringify(['id', 'DESC']), range: JSON.stringify([0, 49]) }, signal: controller.signal })
      .then(setEntries, () => setEntries([]));
    return () => controller.abort();
  }, [appointmentId, allowed]);
  if (!allowed || !entries) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2">{translate('app.appointments.history')}</Typography>
        <List dense aria-label={translate('app.appointments.history')}>
          {entries.map((e) => (
            <ListItem key={e.id} data-audit-action={e.action} disableGutters>
              <ListItemText primary={`${formatDateTime(e.at, zone, locale)} · ${e.action}`} secondary={[e.actorType, e.reason].filter(Boolean).join(' — ')} />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}
