import { notificationReply } from './content.js';

const appointment = {
  appointmentId: 'a1', status: 'confirmed', start: Date.parse('2026-11-26T19:30:00Z'), end: Date.parse('2026-11-26T20:00:00Z'),
  timezone: 'America/New_York', providerId: 'p', providerName: 'Dr. Maya Patel', providerShortName: 'Dr. Patel',
  locationId: 'l', locationName: 'Downtown', locationAddress: '120 Main St, New York, NY 10001', serviceId: 's', serviceName: 'Follow-up visit',
};
const facts = { appointment, clinicName: 'Riverside Family Clinic', clinicPhone: '(212) 555-0100', calendarUrl: 'https://x/cal.ics?sig=1', videoUrl: null };

describe('notification content', () => {
  it('confirmation: provider, local day and time, location and address, map and calendar links', () => {
    const { text } = notificationReply('confirmation', facts, 'en');
    expect(text).toMatch(/^You're booked ✅ Thu 26 Nov, 2:30–3:00 pm with Dr\. Patel at Downtown, 120 Main St, New York, NY 10001\./);
    expect(text).toContain('Map: https://www.google.com/maps/search/?api=1&query=120%20Main%20St%2C%20New%20York%2C%20NY%2010001');
    expect(text).toContain('Add to calendar: https://x/cal.ics?sig=1');
  });

  it('telehealth: the video link instead of an address', () => {
    const video = { ...facts, videoUrl: 'https://meet.jit.si/riverside-abc', appointment: { ...appointment, locationId: null, locationName: null, locationAddress: null } };
    const { text } = notificationReply('confirmation', video, 'es');
    expect(text).toMatch(/^Reservado ✅ jue 26 nov, 14:30–15:00 con el Dr\. Patel por video\./);
    expect(text).toContain('Entra a la videoconsulta: https://meet.jit.si/riverside-abc');
    expect(text).not.toContain('Mapa');
  });

  it('reminder: asks for a numbered answer, never a bare CANCEL', () => {
    const reply = notificationReply('reminder', facts, 'en');
    expect(reply.text).toMatch(/^Reminder: Dr\. Patel, Thu 26 Nov at 2:30 pm, Downtown/);
    expect(reply.choices?.map((c) => c.label)).toHaveLength(3);
    expect(reply.text).not.toMatch(/\bCANCEL\b/);
  });

  it('cancellation notice and no-show follow-up offer to rebook', () => {
    expect(notificationReply('cancellation_notice', facts, 'en').text).toMatch(/is cancelled\. Reply "book"/);
    expect(notificationReply('no_show_followup', facts, 'es').text).toMatch(/Te echamos de menos .* Responde "cita"/);
  });
});
