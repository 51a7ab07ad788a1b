import { Alert, Box, Card, Chip, List, ListItemButton, ListItemText, ListSubheader, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { describeError } from '../common/describeError';
import { formatDateTime } from '../common/time';
import { usePolling } from '../common/usePolling';
import { useClinicData, zoneOf } from '../common/useClinicData';
import { ConversationView } from './ConversationView';
import { loadInbox } from './inboxApi';
import type { ConversationRow } from './types';

/** The inbox: conversations handed over by the bot first, live (polls every 5 s). */
export function InboxPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { locations } = useClinicData();
  const zone = zoneOf(locations, null);
  const inbox = usePolling('inbox', () => loadInbox(), 5_000);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rows = inbox.data ?? [];
  const selected = rows.find((c) => c.id === selectedId) ?? null;
  const handoff = rows.filter((c) => c.status === 'handoff');
  const others = rows.filter((c) => c.status !== 'handoff');

  const item = (c: ConversationRow) => (
    <ListItemButton key={c.id} selected={c.id === selectedId} onClick={() => setSelectedId(c.id)} data-conversation={c.id} sx={{ alignItems: 'flex-start', borderBottom: '1px solid #eef1f4' }}>
      <ListItemText
        primary={<Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}><span style={{ fontWeight: 600 }}>{c.title || translate('app.inbox.unknown_patient')}</span><Typography variant="caption" color="text.secondary">{c.lastAt ? formatDateTime(c.lastAt, zone, locale) : ''}</Typography></Stack>}
        secondary={<><span>{c.preview || c.subtitle}</span><br /><Chip component="span" size="small" variant="outlined" label={c.channel === 'whatsapp' ? 'WhatsApp' : c.channel.toUpperCase()} sx={{ mt: 0.5, height: 20 }} /></>}
        slotProps={{ primary: { component: 'div' }, secondary: { component: 'div' } }} />
    </ListItemButton>
  );

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('app.inbox.title')} />
      {inbox.error ? <Alert severity="error" role="alert" sx={{ mb: 1 }}>{describeError(inbox.error, translate)}</Alert> : null}
      <Card sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '360px 1fr' }, height: 'calc(100vh - 120px)', minHeight: 480 }}>
        <Box sx={{ borderRight: '1px solid #e3e8ec', overflowY: 'auto' }}>
          <List disablePadding aria-label={translate('app.inbox.title')}>
            <ListSubheader sx={{ background: '#fff4e5', color: '#8a4b00', fontWeight: 700 }}>{translate('app.inbox.handoff')} ({handoff.length})</ListSubheader>
            {handoff.map(item)}
            <ListSubheader sx={{ fontWeight: 700 }}>{translate('app.inbox.active')} / {translate('app.inbox.closed')}</ListSubheader>
            {others.map(item)}
          </List>
        </Box>
        <Box sx={{ minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          {selected ? <ConversationView key={selected.id} conversation={selected} zone={zone} onChanged={() => void inbox.refresh()} />
            : <Box sx={{ m: 'auto', color: 'text.secondary' }}>{translate('app.inbox.empty')}</Box>}
        </Box>
      </Card>
    </Box>
  );
}
