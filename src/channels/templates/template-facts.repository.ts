import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { MessagePurpose } from './message-purpose.js';

/** What a purpose template talks about, read when the message is sent (the appointment may have moved since). */
export interface TemplateFacts {
  clinicName: string;
  /** Encrypted full name on file (decrypted only to fill {patientFirstName}). */
  patientNameEnc: string | null;
  serviceName: string;
  serviceNameEs: string | null;
  providerName: string;
  start: Date;
  /** The location's zone, else the clinic's. */
  timezone: string;
  locationName: string | null;
  locationAddress: string | null;
}

const names = { select: { name: true } } as const;

/** Reads the appointment or waitlist offer a clinic-initiated message is about. */
@Injectable()
export class TemplateFactsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async forPurpose(purpose: MessagePurpose): Promise<TemplateFacts | null> {
    return purpose.kind === 'waitlist_offer' ? this.forOffer(purpose.offerId) : this.forAppointment(purpose.appointmentId);
  }

  private async forAppointment(id: string): Promise<TemplateFacts | null> {
    const a = await this.prisma.appointment.findUnique({
      where: { id },
      select: {
        startsAt: true, clinic: { select: { name: true, timezone: true } }, patient: { select: { nameEnc: true } }, provider: names,
        service: { select: { name: true, nameEs: true } }, location: { select: { name: true, address: true, timezone: true } },
      },
    });
    if (!a) return null;
    return {
      clinicName: a.clinic.name, patientNameEnc: a.patient.nameEnc, serviceName: a.service.name, serviceNameEs: a.service.nameEs, providerName: a.provider.name,
      start: a.startsAt, timezone: a.location?.timezone ?? a.clinic.timezone, locationName: a.location?.name ?? null, locationAddress: a.location?.address ?? null,
    };
  }

  private async forOffer(id: string): Promise<TemplateFacts | null> {
    const offer = await this.prisma.waitlistOffer.findUnique({ where: { id } });
    if (!offer) return null;
    const [clinic, patient, provider, service, location] = await Promise.all([
      this.prisma.clinic.findUniqueOrThrow({ where: { id: offer.clinicId }, select: { name: true, timezone: true } }),
      this.prisma.patient.findUniqueOrThrow({ where: { id: offer.patientId }, select: { nameEnc: true } }),
      this.prisma.provider.findUniqueOrThrow({ where: { id: offer.providerId }, ...names }),
      this.prisma.service.findUniqueOrThrow({ where: { id: offer.serviceId }, select: { name: true, nameEs: true } }),
      offer.locationId ? this.prisma.location.findUnique({ where: { id: offer.locationId }, select: { name: true, address: true, timezone: true } }) : null,
    ]);
    return {
      clinicName: clinic.name, patientNameEnc: patient.nameEnc, serviceName: service.name, serviceNameEs: service.nameEs, providerName: provider.name,
      start: offer.slotStart, timezone: location?.timezone ?? clinic.timezone, locationName: location?.name ?? null, locationAddress: location?.address ?? null,
    };
  }
}
