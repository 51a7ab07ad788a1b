#!/usr/bin/env node
// `npm run chat`: talk to the bot of the running app from the terminal, through the simulator
// channel. Type a number to tap one of the offered choices; /sms or /whatsapp switches channel,
// /phone +1… switches patient, /quit leaves.
import { createInterface } from 'node:readline/promises';
import { devEnv } from './lib/env.mjs';

const env = devEnv();
const base = process.env.CHAT_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`;
let channel = process.argv.includes('--sms') ? 'sms' : 'whatsapp';
let phone = process.argv.find((a) => a.startsWith('+')) ?? '+12125550199';
let choices = [];

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(`Chatting with ${base} as ${phone} over ${channel}. /sms, /whatsapp, /phone +1…, /quit.\n`);

function show(reply) {
  console.log(`\x1b[32mbot>\x1b[0m ${reply.text}`);
  const r = reply.rendered ?? {};
  if (channel === 'whatsapp' && r.kind === 'buttons') console.log(r.buttons.map((b, i) => `      [${i + 1}] ${b.title}`).join('\n'));
  if (channel === 'whatsapp' && r.kind === 'list') console.log(`      ${r.buttonText}:\n` + r.rows.map((row, i) => `      ${i + 1}. ${row.title}${row.description ? ` — ${row.description}` : ''}`).join('\n'));
}

for (;;) {
  let text;
  try {
    text = (await rl.question('\x1b[36myou>\x1b[0m ')).trim();
  } catch {
    break;
  }
  if (text === '/quit') break;
  if (text === '/sms' || text === '/whatsapp') { channel = text.slice(1); console.log(`(now on ${channel})`); continue; }
  if (text.startsWith('/phone ')) { phone = text.slice(7).trim(); console.log(`(now ${phone})`); continue; }
  const body = { from: phone, text, channel };
  // On WhatsApp a number taps the matching button/row; on SMS the bot reads the number itself.
  const picked = channel === 'whatsapp' && /^\d+$/.test(text) ? choices[Number(text) - 1] : undefined;
  if (picked) Object.assign(body, { choiceId: picked.id, text: picked.label });
  try {
    const res = await fetch(`${base}/api/v1/simulator/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = await res.json();
    if (!res.ok) { console.log(`(error ${res.status}: ${data.message})`); continue; }
    if (data.replies.length === 0) console.log('\x1b[2m(no reply: the conversation is with staff, or you opted out)\x1b[0m');
    for (const reply of data.replies) show(reply);
    const last = data.replies.at(-1);
    const rendered = last?.rendered;
    choices = rendered?.kind === 'buttons' ? rendered.buttons.map((b) => ({ id: b.id, label: b.title }))
      : rendered?.kind === 'list' ? rendered.rows.map((r) => ({ id: r.id, label: r.title })) : (last?.choices ?? []);
  } catch (error) {
    console.log(`(cannot reach ${base}: is \`npm run dev\` running? ${error.message})`);
  }
}
rl.close();
