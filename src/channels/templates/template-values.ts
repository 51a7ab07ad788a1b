import { formatWhen } from '../../conversation/dialog/format/time-format.js';
import { catalogFor } from '../../conversation/dialog/messages/index.js';
import type { TemplateFacts } from './template-facts.repository.js';
import type { TemplateValues } from './template-variables.js';

type Language = 'en' | 'es';

/** Words for what a video visit or an unnamed patient lacks (a template parameter may not be empty). */
const FALLBACK = {
  en: { patient: 'there', location: 'Video visit', address: 'online' },
  es: { patient: 'paciente', location: 'Videoconsulta', address: 'en línea' },
} as const;

/** The values of every placeholder for one message, in the patient's language (the same wording as the chat). */
export function templateValues(facts: Omit<TemplateFacts, 'patientNameEnc'>, patientName: string | null, language: Language): TemplateValues {
  const words = FALLBACK[language];
  return {
    clinicName: facts.clinicName,
    patientFirstName: patientName?.trim().split(/\s+/)[0] || words.patient,
    serviceName: language === 'es' && facts.serviceNameEs ? facts.serviceNameEs : facts.serviceName,
    providerName: facts.providerName,
    localDateTime: formatWhen(+facts.start, facts.timezone, catalogFor(language)),
    locationName: facts.locationName ?? words.location,
    locationAddress: facts.locationAddress ?? words.address,
  };
}
