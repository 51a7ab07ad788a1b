import { Box, Button, Stack, Typography } from '@mui/material';
import { type ReactNode, useEffect, useRef } from 'react';
import type { ChatLine, Choice } from './simulator';

interface Props {
  title: string;
  channel: 'whatsapp' | 'sms';
  lines: ChatLine[];
  choices: Choice[];
  busyLabel: string | null;
  onChoice: (choice: Choice) => void;
  composer: ReactNode;
}

/** A phone-shaped chat: WhatsApp-like bubbles and reply buttons, or plain SMS bubbles. */
export function PhoneFrame({ title, channel, lines, choices, busyLabel, onChoice, composer }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [lines.length, busyLabel]);
  const wa = channel === 'whatsapp';
  return (
    <Box sx={{ width: 380, maxWidth: '100%', height: 680, border: '10px solid #1f2933', borderRadius: '36px', overflow: 'hidden', display: 'flex', flexDirection: 'column', boxShadow: 6, background: '#fff', flexShrink: 0 }}>
      <Box sx={{ background: wa ? '#075e54' : '#f7f7f7', color: wa ? '#fff' : '#111', px: 2, py: 1.5, borderBottom: wa ? 'none' : '1px solid #ddd' }}>
        <Typography sx={{ fontWeight: 600 }}>{title}</Typography>
        <Typography variant="caption" sx={{ opacity: 0.85 }}>{busyLabel ?? (wa ? 'online' : 'SMS')}</Typography>
      </Box>
      <Box ref={scroller} role="log" aria-live="polite" sx={{ flex: 1, overflowY: 'auto', p: 1.5, background: wa ? '#efeae2' : '#fff' }}>
        <Stack spacing={0.75}>
          {lines.map((line) => (
            <Box key={line.id} data-from={line.from} sx={{
              alignSelf: line.from === 'patient' ? 'flex-end' : 'flex-start', maxWidth: '82%', px: 1.25, py: 0.75, borderRadius: 2, whiteSpace: 'pre-wrap', fontSize: 14, lineHeight: 1.35,
              background: line.from === 'patient' ? (wa ? '#d9fdd3' : '#0b84ff') : (wa ? '#fff' : '#e9e9eb'), color: line.from === 'patient' && !wa ? '#fff' : '#111', boxShadow: wa ? '0 1px 0.5px rgba(0,0,0,0.13)' : 'none',
            }}>
              {line.text}
            </Box>
          ))}
          {choices.length > 0 && wa && (
            <Stack spacing={0.5} sx={{ alignSelf: 'flex-start', width: '82%' }}>
              {choices.slice(0, 10).map((c) => (
                <Button key={c.id} variant="contained" size="small" onClick={() => onChoice(c)}
                  sx={{ background: '#fff', color: '#027eb5', boxShadow: '0 1px 0.5px rgba(0,0,0,0.13)', textTransform: 'none', justifyContent: 'center', '&:hover': { background: '#f5f5f5' } }}>
                  {c.label}
                </Button>
              ))}
            </Stack>
          )}
        </Stack>
      </Box>
      {composer}
    </Box>
  );
}
