import { parseChannelSettings, templateFor } from '../channel-settings.js';
import { purposeOf } from './message-purpose.js';
import { templateValues } from './template-values.js';
import { fillTemplateVariables } from './template-variables.js';

const reminderEn = { name: 'appointment_reminder', language: 'en_US', variables: ['{providerName}', '{serviceName}', '{localDateTime}', '{locationName}'], quickReplyButtons: 3 };
const reminderEs = { name: 'appointment_reminder', language: 'es', variables: ['{providerName}', '{localDateTime}'], quickReplyButtons: 3 };

describe('per-purpose templates in clinic_channels.settings', () => {
  it('picks the purpose template, in the patient language when there is one', () => {
    const { settings, problems } = parseChannelSettings({ templates: { appointment_reminder: { ...reminderEn, byLanguage: { es: reminderEs } } } });
    expect(problems).toEqual([]);
    expect(templateFor(settings, 'appointment_reminder', 'en')).toEqual({ ...reminderEn });
    expect(templateFor(settings, 'appointment_reminder', 'es')).toEqual(reminderEs);
    expect(templateFor(settings, 'appointment_confirmation', 'en')).toBeNull();
    expect(templateFor(settings, 'reengagement', 'en')).toBeNull();
  });

  it('defaults: language en_US, no variables, no quick-reply buttons', () => {
    const { settings } = parseChannelSettings({ templates: { no_show_followup: { name: 'missed_you' } } });
    expect(templateFor(settings, 'no_show_followup', 'es')).toEqual({ name: 'missed_you', language: 'en_US', variables: [], quickReplyButtons: 0 });
  });

  it('still reads the older re-engagement keys; templates.reengagement wins over them', () => {
    const legacy = { reengagementTemplate: { name: 'old', variables: ['{clinicName}'] }, reengagementTemplateByLanguage: { es: { name: 'old_es', language: 'es' } } };
    const old = parseChannelSettings(legacy).settings;
    expect(templateFor(old, 'reengagement', 'en')?.name).toBe('old');
    expect(templateFor(old, 'reengagement', 'es')?.name).toBe('old_es');
    expect(templateFor(old, 'appointment_reminder', 'en')).toBeNull();
    const both = parseChannelSettings({ ...legacy, templates: { reengagement: { name: 'new' } } }).settings;
    expect(templateFor(both, 'reengagement', 'es')?.name).toBe('new');
  });

  it('reports unknown placeholders, unknown purposes and patient data in a re-engagement template', () => {
    expect(parseChannelSettings({ templates: { appointment_reminder: { name: 'r', variables: ['{dateOfBirth}'] } } }).problems[0]).toMatch(/^templates\.appointment_reminder\.variables\.0: unknown placeholder; allowed: \{clinicName\}, \{patientFirstName\}/);
    expect(parseChannelSettings({ templates: { appointment_remider: { name: 'r' } } }).problems).toHaveLength(1);
    expect(parseChannelSettings({ templates: { reengagement: { name: 'r', variables: ['{patientFirstName}'] } } }).problems).toEqual(['templates.reengagement: re-engagement variables may only use {clinicName}']);
    expect(parseChannelSettings({ reengagementTemplate: { name: 'r', variables: ['{localDateTime}'] } }).problems).toEqual(['templates.reengagement: re-engagement variables may only use {clinicName}']);
    expect(parseChannelSettings({ templates: { appointment_reminder: { name: 'r', quickReplyButtons: 4 } } }).problems).toHaveLength(1);
  });
});

describe('template variables', () => {
  const facts = {
    clinicName: 'Riverside Family Clinic', serviceName: 'Follow-up visit', serviceNameEs: 'Consulta de seguimiento', providerName: 'Dr. Maya Patel',
    start: new Date('2026-11-26T19:00:00Z'), timezone: 'America/New_York', locationName: 'Downtown', locationAddress: '120 Main St\nSuite 4',
  };

  it('fills the values in the patient language and the location zone', () => {
    expect(templateValues(facts, 'Kofi  Mensah', 'en')).toEqual({
      clinicName: 'Riverside Family Clinic', patientFirstName: 'Kofi', serviceName: 'Follow-up visit', providerName: 'Dr. Maya Patel',
      localDateTime: 'Thu 26 Nov, 2:00 pm', locationName: 'Downtown', locationAddress: '120 Main St\nSuite 4',
    });
    expect(templateValues(facts, 'Ana', 'es')).toMatchObject({ serviceName: 'Consulta de seguimiento', localDateTime: 'jue 26 nov, 14:00' });
  });

  it('a video visit and an unnamed patient still give non-empty values', () => {
    const video = templateValues({ ...facts, locationName: null, locationAddress: null }, null, 'en');
    expect([video.patientFirstName, video.locationName, video.locationAddress]).toEqual(['there', 'Video visit', 'online']);
    expect(templateValues({ ...facts, locationName: null, serviceNameEs: null }, '', 'es')).toMatchObject({ patientFirstName: 'paciente', locationName: 'Videoconsulta', serviceName: 'Follow-up visit' });
  });

  it('fills placeholders anywhere in a variable, one line each, never empty', () => {
    const values = templateValues(facts, 'Kofi', 'en');
    expect(fillTemplateVariables(['{providerName} ({serviceName})', '{locationName}, {locationAddress}', '{clinicName}', '  ', '{unknown}'], values)).toEqual([
      'Dr. Maya Patel (Follow-up visit)', 'Downtown, 120 Main St Suite 4', 'Riverside Family Clinic', '-', '{unknown}',
    ]);
    expect(fillTemplateVariables(['Hi from {clinicName}'], { clinicName: 'Riverside' })).toEqual(['Hi from Riverside']);
  });
});

describe('the purpose stored with a message', () => {
  const appointmentId = '8f3c2a10-1b2c-4d5e-8f90-112233445566';
  it('reads ids only; anything else is a plain chat reply', () => {
    expect(purposeOf({ neutral: [], purpose: { kind: 'appointment_reminder', appointmentId, notificationId: appointmentId } })).toEqual({ kind: 'appointment_reminder', appointmentId, notificationId: appointmentId });
    expect(purposeOf({ purpose: { kind: 'waitlist_offer', offerId: appointmentId } })).toEqual({ kind: 'waitlist_offer', offerId: appointmentId });
    expect(purposeOf({ neutral: [] })).toBeNull();
    expect(purposeOf(null)).toBeNull();
    expect(purposeOf({ purpose: { kind: 'reengagement', appointmentId } })).toBeNull();
    expect(purposeOf({ purpose: { kind: 'appointment_reminder', appointmentId: 'not-an-id' } })).toBeNull();
  });
});
