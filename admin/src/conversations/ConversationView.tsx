import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { describeError } from '../common/describeError';
import { formatDateTime } from '../common/time';
import { usePolling } from '../common/usePolling';
import { handBack, loadMessages, reply } from './inboxApi';
import type { ConversationRow } from './types';

interface Props { conversation: ConversationRow; zone: string; onChanged: () => void }

/** The full transcript, a reply box (sent through the patient's own channel) and "hand back to the bot". */
export function ConversationView({ conversation, zone, onChanged }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const messages = usePolling(`messages:${conversation.id}`, () => loadMessages(conversation.id), 5_000);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const count = messages.data?.length ?? 0;

  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [count]);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await reply(conversation.id, text.trim());
      setText('');
      notify('app.inbox.sent', { type: 'success' });
      await messages.refresh();
      onChanged();
    } catch (e) {
      setError(describeError(e, translate, zone, locale));
    } finally {
      setBusy(false);
    }
  };

  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  const giveBack = async () => {
    try {
      await handBack(conversation.id);
      notify('app.inbox.handed_back', { type: 'success' });
      onChanged();
    } catch (e) {
      setError(describeError(e, translate, zone, locale));
    }
  };

  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1.5, borderBottom: '1px solid #e3e8ec', gap: 1 }}>
        <Box>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>{conversation.title || translate('app.inbox.unknown_patient')}</Typography>
          <Typography variant="caption" color="text.secondary">{conversation.subtitle} {translate('app.inbox.via', { channel: conversation.channel === 'whatsapp' ? 'WhatsApp' : 'SMS' })}</Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip size="small" label={translate(`app.inbox.${conversation.status}`, { _: conversation.status })} color={conversation.status === 'handoff' ? 'warning' : 'default'} />
          {conversation.status === 'handoff' && <Button variant="outlined" onClick={giveBack}>{translate('app.inbox.hand_back')}</Button>}
        </Stack>
      </Stack>
      <Box ref={scroller} role="log" aria-live="polite" sx={{ flex: 1, overflowY: 'auto', p: 2, background: '#f7f9fa' }}>
        {messages.error ? <Alert severity="error">{describeError(messages.error, translate)}</Alert> : null}
        {count === 0 && !messages.loading && <Typography color="text.secondary">{translate('app.inbox.no_messages')}</Typography>}
        <Stack spacing={1}>
          {(messages.data ?? []).map((m) => (
            <Box key={m.id} data-direction={m.direction} sx={{ alignSelf: m.direction === 'outbound' ? 'flex-end' : 'flex-start', maxWidth: '70%' }}>
              <Box sx={{ px: 1.5, py: 1, borderRadius: 2, whiteSpace: 'pre-wrap', background: m.direction === 'outbound' ? (m.by ? '#d7ecf3' : '#e7f6e9') : '#fff', border: '1px solid #e3e8ec' }}>{m.text}</Box>
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block', textAlign: m.direction === 'outbound' ? 'right' : 'left' }}>
                {m.by ? `${m.by} · ` : m.direction === 'outbound' ? 'Bot · ' : ''}{formatDateTime(m.at, zone, locale)}{m.status ? ` · ${m.status}` : ''}
              </Typography>
            </Box>
          ))}
        </Stack>
      </Box>
      <Box component="form" onSubmit={send} sx={{ display: 'flex', gap: 1, p: 1.5, borderTop: '1px solid #e3e8ec' }}>
        <TextField value={text} onChange={(e) => setText(e.target.value)} onKeyDown={keyDown} placeholder={translate('app.inbox.reply_placeholder')} multiline maxRows={4} fullWidth size="small"
          name="reply" slotProps={{ htmlInput: { 'aria-label': translate('app.inbox.reply') } }} />
        <Button type="submit" variant="contained" disabled={busy || !text.trim()}>{translate('app.inbox.send')}</Button>
      </Box>
      {error && <Alert severity="error" role="alert" sx={{ m: 1.5 }}>{error}</Alert>}
    </>
  );
}
