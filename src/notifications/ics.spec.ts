import { renderIcs } from './ics.js';
import { LinkSigner } from './links.js';

describe('calendar file and signed links', () => {
  it('renders a valid VEVENT in UTC with escaped text', () => {
    const ics = renderIcs({
      uid: 'a1@clinic', start: new Date('2026-11-26T19:30:00Z'), end: new Date('2026-11-26T20:00:00Z'), stamp: new Date('2026-11-21T10:00:00.123Z'),
      summary: 'Follow-up visit, Dr. Patel', location: '120 Main St, New York; NY', description: 'Riverside Family Clinic\nReply to change it',
    });
    expect(ics).toContain('DTSTART:20261126T193000Z\r\nDTEND:20261126T200000Z');
    expect(ics).toContain('DTSTAMP:20261121T100000Z');
    expect(ics).toContain('SUMMARY:Follow-up visit\\, Dr. Patel');
    expect(ics).toContain('LOCATION:120 Main St\\, New York\\; NY');
    expect(ics).toContain('DESCRIPTION:Riverside Family Clinic\\nReply to change it');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('signs links per appointment and refuses forged or foreign signatures', () => {
    const signer = new LinkSigner(Buffer.alloc(32, 1), 'https://clinic.example');
    const url = signer.calendarUrl('appt-1');
    const sig = new URL(url).searchParams.get('sig')!;
    expect(url).toMatch(/^https:\/\/clinic\.example\/api\/v1\/calendar\/appt-1\.ics\?sig=/);
    expect(signer.verify('appt-1', sig)).toBe(true);
    expect(signer.verify('appt-2', sig)).toBe(false);
    expect(signer.verify('appt-1', sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(new LinkSigner(Buffer.alloc(32, 2), 'x').verify('appt-1', sig)).toBe(false);
    expect(signer.videoUrl('https://meet.jit.si/riverside-{room}', 'appt-1')).toMatch(/^https:\/\/meet\.jit\.si\/riverside-[\w-]{20}$/);
    expect(signer.videoUrl(null, 'appt-1')).toBeNull();
  });
});
