import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, Card, CardContent, IconButton, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { isApiError } from '../api/errors';
import { describeError } from '../common/describeError';
import { PhoneFrame } from './PhoneFrame';
import { type ChatLine, loadTranscript, randomDemoPhone, sendToBot } from './simulator';

const PHONE_KEY = 'clinic.console.bot-phone';

/** "Try the bot": chat as a patient through the simulator, for training and demos. */
export function TryBotPage() {
  const translate = useTranslate();
  const [phone, setPhone] = useState(() => sessionStorage.getItem(PHONE_KEY) ?? randomDemoPhone());
  const [channel, setChannel] = useState<'whatsapp' | 'sms'>('whatsapp');
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    sessionStorage.setItem(PHONE_KEY, phone);
    let cancelled = false;
    void loadTranscript(phone, channel).then((earlier) => !cancelled && setLines(earlier));
    return () => {
      cancelled = true;
    };
  }, [phone, channel]);

  const send = async (message: string, choiceId?: string) => {
    if (!message.trim() || busy) return;
    setBusy(true);
    setError(null);
    const at = new Date().toISOString();
    setLines((l) => [...l, { id: `p${l.length}-${at}`, from: 'patient', text: message, choices: [], at }]);
    setText('');
    try {
      const replies = await sendToBot(phone, message, channel, choiceId);
      setLines((l) => [...l, ...replies.map((r, i) => ({ id: `b${l.length + i}-${at}`, from: 'bot' as const, text: r.text, choices: r.choices, at: new Date().toISOString() }))]);
    } catch (e) {
      setError(isApiError(e) && e.status === 404 ? translate('app.bot.disabled') : describeError(e, translate));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(text);
  };

  const last = lines[lines.length - 1];
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('app.bot.title')} />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} sx={{ alignItems: { md: 'flex-start' } }}>
            <Stack spacing={2} sx={{ maxWidth: 360 }}>
              <Typography variant="h5" component="h2">{translate('app.bot.title')}</Typography>
              <Typography color="text.secondary">{translate('app.bot.intro')}</Typography>
              <TextField label={translate('app.bot.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} size="small" name="botPhone" />
              <ToggleButtonGroup exclusive size="small" value={channel} onChange={(_, v) => v && setChannel(v)} aria-label={translate('app.bot.channel')}>
                <ToggleButton value="whatsapp">WhatsApp</ToggleButton>
                <ToggleButton value="sms">SMS</ToggleButton>
              </ToggleButtonGroup>
              <Button variant="outlined" onClick={() => { setPhone(randomDemoPhone()); setLines([]); }}>{translate('app.bot.new_chat')}</Button>
              <Typography variant="body2" color="text.secondary">{translate('app.bot.hint')}</Typography>
              {error && <Alert severity="error" role="alert">{error}</Alert>}
            </Stack>
            <PhoneFrame title={channel === 'whatsapp' ? 'Riverside Family Clinic' : '+1 (212) 555-0100'} channel={channel} busyLabel={busy ? translate('app.bot.typing') : null}
              lines={lines}
              choices={last?.from === 'bot' && !busy ? last.choices : []}
              onChoice={(c) => send(c.label, c.id)}
              composer={
                <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, p: 1, background: '#f0f2f5' }}>
                  <TextField inputRef={input} value={text} onChange={(e) => setText(e.target.value)} placeholder={translate('app.bot.placeholder')} size="small" fullWidth variant="outlined"
                    autoComplete="off" name="botMessage" slotProps={{ htmlInput: { 'aria-label': translate('app.bot.placeholder') } }} sx={{ background: '#fff', borderRadius: 5, '& fieldset': { borderRadius: 5 } }} />
                  <IconButton type="submit" aria-label={translate('app.bot.send')} disabled={busy || !text.trim()} sx={{ background: '#128c7e', color: '#fff', '&:hover': { background: '#0e7065' } }}>
                    <SendIcon fontSize="small" />
                  </IconButton>
                </Box>
              } />
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
