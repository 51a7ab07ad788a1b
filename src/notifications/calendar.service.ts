import { Injectable } from '@nestjs/common';
import { AppointmentRepository } from '../booking/appointment.repository.js';
import { Clock } from '../common/clock.js';
import { PrismaService } from '../database/prisma.service.js';
import { renderIcs } from './ics.js';
import { LinkSigner } from './links.js';

@Injectable()
export class CalendarService {
  constructor(private readonly appointments: AppointmentRepository, private readonly prisma: PrismaService, private readonly links: LinkSigner, private readonly clock: Clock) {}

  verify(id: string, signature: string): boolean {
    return this.links.verify(id, signature);
  }

  async ics(id: string): Promise<string | null> {
    const a = await this.appointments.findById(id);
    if (!a || a.status === 'cancelled' || a.status === 'rescheduled') return null;
    const clinic = await this.prisma.clinic.findUniqueOrThrow({ where: { id: a.clinicId } });
    return renderIcs({
      uid: `${a.id}@clinic-chat-booking`, start: a.startsAt, end: a.endsAt, stamp: this.clock.now(),
      summary: `${a.service.name} — ${a.provider.shortName}`,
      location: a.location ? `${a.location.name}, ${a.location.address}` : null,
      description: `${clinic.name}${clinic.phone ? ` · ${clinic.phone}` : ''}\nReply to the clinic's message to change or cancel.`,
    });
  }
}
