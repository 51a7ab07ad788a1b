import { renderForChannel } from '../render/render-for-channel.js';
import { reminderReply } from './reminder-reply.js';
import { appointment } from './testing/clinic-fixture.js';

describe('reminderReply', () => {
  it('reads like the conversation guide and renders to 1/2/3 on SMS', () => {
    const reply = reminderReply(appointment('a1', '2026-11-26T14:30'), 'en');
    expect(reply.text).toBe('Reminder: Dr. Patel, Thu 26 Nov at 2:30 pm, Downtown (120 Main St).');
    expect(renderForChannel(reply, 'sms')).toEqual({
      kind: 'text',
      text: 'Reminder: Dr. Patel, Thu 26 Nov at 2:30 pm, Downtown (120 Main St). Reply with a number:\n1 Confirm  2 Change the time  3 Cancel appointment',
    });
  });

  it('speaks Spanish and never asks for a bare CANCEL', () => {
    const reply = reminderReply(appointment('a1', '2026-11-26T14:30', 'garcia'), 'es');
    expect(reply.text).toBe('Recordatorio: el Dr. García, jue 26 nov a las 14:30, Northside (45 North Ave).');
    const sms = renderForChannel(reply, 'sms', 'es');
    expect(sms.kind === 'text' && sms.text).not.toMatch(/\bCANCEL\b/);
  });
});
