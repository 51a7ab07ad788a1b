import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links a patient can open without logging in (the calendar file, the video room) carry an HMAC of
 * the appointment id, so they cannot be guessed or enumerated. The key is derived from the blind
 * index key with its own label (domain separation), so no extra secret has to be managed.
 */
export class LinkSigner {
  private readonly key: Buffer;

  constructor(baseKey: Buffer, private readonly publicBaseUrl: string) {
    this.key = createHmac('sha256', baseKey).update('patient-links-v1').digest();
  }

  signature(appointmentId: string): string {
    return createHmac('sha256', this.key).update(appointmentId).digest('base64url').slice(0, 32);
  }

  verify(appointmentId: string, signature: string): boolean {
    const expected = Buffer.from(this.signature(appointmentId));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  calendarUrl(appointmentId: string): string {
    return `${this.publicBaseUrl}/api/v1/calendar/${appointmentId}.ics?sig=${this.signature(appointmentId)}`;
  }

  /** A video room for telehealth visits, from a template like https://meet.jit.si/riverside-{room}. */
  videoUrl(template: string | null, appointmentId: string): string | null {
    return template ? template.replace('{room}', this.signature(`video:${appointmentId}`).slice(0, 20)) : null;
  }
}

export function mapUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}
