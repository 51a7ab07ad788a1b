import { Inject, Injectable } from '@nestjs/common';
import type { AppointmentWithNames } from '../booking/appointment.repository.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppointmentSummary } from '../conversation/dialog/index.js';
import { LinkSigner } from './links.js';
import type { NotificationFacts } from './content.js';

/** Turns an appointment into what a notification talks about, links included. */
@Injectable()
export class NotificationFactsBuilder {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly links: LinkSigner) {}

  build(a: AppointmentWithNames, clinic: { name: string; phone: string | null; timezone: string }): NotificationFacts {
    const appointment: AppointmentSummary = {
      appointmentId: a.id, status: a.status, start: +a.startsAt, end: +a.endsAt, timezone: a.location?.timezone ?? clinic.timezone,
      providerId: a.providerId, providerName: a.provider.name, providerShortName: a.provider.shortName,
      locationId: a.locationId, locationName: a.location?.name ?? null, locationAddress: a.location?.address ?? null,
      serviceId: a.serviceId, serviceName: a.service.name,
    };
    return {
      appointment,
      clinicName: clinic.name,
      clinicPhone: clinic.phone ?? '',
      calendarUrl: this.links.calendarUrl(a.id),
      videoUrl: a.service.telehealth ? this.links.videoUrl(this.config.telehealthUrlTemplate, a.id) : null,
    };
  }
}
