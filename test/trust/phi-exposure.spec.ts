import { execFileSync } from 'node:child_process';
import { patientChat } from '../support/chat.js';
import { nextWeekday } from '../support/conversation-env.js';
import { useTestApp } from '../support/test-app.js';

const NEW_PATIENT = { phone: '+16465550917', name: 'Zorana Quillfeather', dob: '1979-08-14' };
const RETURNING_PHONE = '+12125552001';

/**
 * Patient data never lies around in clear: not in a dump of the database (a stolen backup), not in
 * the logs (even at debug). A full conversation runs first so the dump holds everything a chat
 * writes (snapshots, replies, notifications), not only what the seed wrote.
 */
describe('patient data at rest and in logs', () => {
  const logLines: string[] = [];
  const said: string[] = [];
  const env = useTestApp('demo', { overrides: { LOG_LEVEL: 'debug' }, app: { logDestination: { write: (line) => { logLines.push(line); } } } });

  beforeAll(async () => {
    // A new patient books over SMS, giving a name and a date of birth …
    const sms = patientChat(env.running.url, NEW_PATIENT.phone, 'sms');
    const send = async (text: string) => { said.push(text); return sms.send(text); };
    await send('I need a vaccination please, my number is +16465550917');
    await sms.choose(/First available/);
    await send(`${nextWeekday(2, 2).toFormat('ccc d LLL')} morning`);
    await sms.choose(0);
    await send(NEW_PATIENT.name);
    await send('14/08/1979');
    const booked = await send('yes');
    expect(sms.text(booked)).toMatch(/You're booked/);
    // … and a seeded patient, greeted by name on WhatsApp, asks for their appointments.
    const wa = patientChat(env.running.url, RETURNING_PHONE, 'whatsapp');
    said.push('hello there, what appointments do I have coming up?');
    expect(wa.text(await wa.send('hello there, what appointments do I have coming up?'))).toMatch(/^Hi \w+/);
    // Let queued work (confirmations, notifications) run and log.
    await new Promise((r) => setTimeout(r, 1_500));
  }, 90_000);

  /** Every patient's phone (E.164 and national digits), full name and date of birth, decrypted from the database. */
  async function patientSecrets(): Promise<string[]> {
    const patients = await env.prisma.patient.findMany();
    expect(patients.length).toBeGreaterThan(200);
    return patients.flatMap((p) => {
      const phone = env.cipher.decrypt(p.phoneEnc);
      return [phone, phone.slice(2), ...(p.nameEnc ? [env.cipher.decrypt(p.nameEnc)] : []), ...(p.dobEnc ? [env.cipher.decrypt(p.dobEnc)] : [])];
    });
  }

  /** Message bodies long enough not to occur by chance (short ones like "1" or "yes" would match anything). */
  async function messageBodies(): Promise<string[]> {
    const messages = await env.prisma.message.findMany({ select: { bodyEnc: true } });
    expect(messages.length).toBeGreaterThan(100);
    return [...new Set(messages.map((m) => env.cipher.decrypt(m.bodyEnc)).filter((b) => b.length >= 16))];
  }

  const found = (haystack: string, needles: string[]) => needles.filter((n) => haystack.includes(n));

  it('a pg_dump of the database holds no patient phone, name, date of birth or message body in clear', async () => {
    const dump = execFileSync('pg_dump', ['--no-owner', env.db.url], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    expect(dump).toContain('COPY public.patients');
    const secrets = await patientSecrets();
    expect(secrets).toEqual(expect.arrayContaining([NEW_PATIENT.phone, NEW_PATIENT.name, NEW_PATIENT.dob]));
    expect(found(dump, secrets)).toEqual([]);
    const bodies = await messageBodies();
    expect(bodies).toEqual(expect.arrayContaining([said[0]]));
    expect(found(dump, bodies)).toEqual([]);
  }, 60_000);

  it('debug logs of the whole conversation hold no phone, name, date of birth or message body', async () => {
    const logs = logLines.join('');
    // The app logged at debug, with a line for every request and its own events (ids only).
    expect(env.config.logLevel).toBe('debug');
    expect(logLines.filter((l) => l.includes('/api/v1/simulator/messages')).length).toBeGreaterThanOrEqual(8);
    expect(found(logs, await patientSecrets())).toEqual([]);
    expect(found(logs, [...await messageBodies(), ...said.filter((s) => s.length >= 8)])).toEqual([]);
  }, 60_000);
});
