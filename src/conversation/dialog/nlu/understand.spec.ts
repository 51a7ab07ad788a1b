import { PROVIDERS, SERVICES, turn } from '../testing/clinic-fixture.js';
import { hasBookingFacts, understand, type Understanding } from './understand.js';

const t = turn();
const u = (text: string, language: 'en' | 'es' = 'en', channel: 'whatsapp' | 'sms' = 'whatsapp'): Understanding =>
  understand({ text, choices: [], language, turn: { ...t, channel } });

describe('understand: services and providers', () => {
  it.each([
    ['folow up', SERVICES.followUp.id],
    ['follow-up visit', SERVICES.followUp.id],
    ['seguimiento', SERVICES.followUp.id],
    ['revisión', SERVICES.followUp.id],
    ['flu shot', SERVICES.vaccination.id],
    ['vacuna', SERVICES.vaccination.id],
    ['vacunar a mi hijo', SERVICES.vaccination.id],
    ['jab', SERVICES.vaccination.id],
    ['mole on my arm', SERVICES.skin.id],
    ['revisión de la piel', SERVICES.skin.id],
    ['lunar', SERVICES.skin.id],
    ['fisio', SERVICES.physio.id],
    ['back pain', SERVICES.physio.id],
    ['physical therapy', SERVICES.physio.id],
    ['checkup', SERVICES.physical.id],
    ['chequeo', SERVICES.physical.id],
    ['annual physical', SERVICES.physical.id],
    ['new patient', SERVICES.newPatient.id],
    ['primera vez', SERVICES.newPatient.id],
    ['video call', SERVICES.telehealth.id],
    ['online consult', SERVICES.telehealth.id],
  ])('%s → service %s', (text, id) => {
    expect(u(text).serviceId).toBe(id);
  });

  it.each([
    ['dr garcia', PROVIDERS.garcia.id],
    ['garsia', PROVIDERS.garcia.id],
    ['Dr. García', PROVIDERS.garcia.id],
    ['Dra. Khan', PROVIDERS.khan.id],
    ['dr kahn', PROVIDERS.khan.id],
    ['Dr Patel', PROVIDERS.patel.id],
    ['maya patel', PROVIDERS.patel.id],
    ['Sam Lee', PROVIDERS.lee.id],
  ])('%s → provider %s', (text, id) => {
    expect(u(text).providerId).toBe(id);
  });

  it('does not see providers in ordinary words', () => {
    expect(u('can I see someone').providerId).toBeNull();
    expect(u('lee esto').providerId).toBeNull();
  });

  it('notices a provider the clinic does not have', () => {
    expect(u('with Dr Smith tomorrow').unknownProvider).toBe('Dr. Smith');
    expect(u('see a doctor tomorrow').unknownProvider).toBeNull();
  });

  it('finds a location', () => {
    expect(u('at northside please').locationId).toBe('loc-northside');
    expect(u('north side').locationId).toBe('loc-northside');
  });
});

describe('understand: intents and commands', () => {
  it.each([
    ['cancel my appointment', 'cancel'],
    ['cancelar mi cita', 'cancel'],
    ['I need to reschedule', 'reschedule'],
    ['cambiar mi cita', 'reschedule'],
    ['what are my appointments', 'appointments'],
    ['mis citas', 'appointments'],
    ['need an appointment', 'book'],
    ['quiero una cita', 'book'],
    ["can't make it", 'cantMakeIt'],
    ['no puedo ir', 'cantMakeIt'],
    ["I'll be 10 min late", 'late'],
    ['llegaré tarde', 'late'],
    ['confirm', 'confirm'],
  ])('%s → %s', (text, intent) => {
    expect(u(text).intent).toBe(intent);
  });

  it.each([
    ['STOP', 'whatsapp', 'stop'], ['stop.', 'sms', 'stop'], ['UNSUBSCRIBE', 'sms', 'stop'], ['Baja', 'sms', 'stop'],
    ['cancel', 'sms', 'stop'], ['cancel', 'whatsapp', null], ['HELP', 'sms', 'help'], ['ayuda', 'sms', 'help'],
    ['human', 'whatsapp', 'human'], ['talk to someone please', 'whatsapp', 'human'], ['recepción', 'whatsapp', 'human'],
    ['persona', 'whatsapp', 'human'], ['an in person visit next week with the doctor please', 'whatsapp', null],
    ['menu', 'whatsapp', 'menu'], ['start over', 'whatsapp', 'menu'], ['empezar de nuevo', 'whatsapp', 'menu'],
    ['back', 'whatsapp', 'back'], ['atrás', 'whatsapp', 'back'], ['back pain', 'whatsapp', null],
    ['never mind', 'whatsapp', 'abandon'], ['olvídalo', 'whatsapp', 'abandon'], ['cancel that', 'whatsapp', 'abandon'],
  ] as const)('%s on %s → %s', (text, channel, command) => {
    expect(u(text, 'en', channel).command).toBe(command);
  });

  it.each([
    ['y', 'yes'], ['yes', 'yes'], ['yeah', 'yes'], ['ok', 'yes'], ['sure', 'yes'], ['sí', 'yes'], ['si', 'yes'], ['claro', 'yes'],
    ['vale', 'yes'], ['👍', 'yes'], ['yes please book it', 'yes'], ['no', 'no'], ['nope', 'no'], ['no thanks', 'no'],
    ['no gracias', 'no'], ['y si el viernes', null], ['maybe', null],
  ])('%s → %s', (text, answer) => {
    expect(u(text).yesNo).toBe(answer);
  });

  it('detects the language of a first message and explicit switches', () => {
    expect(u('Hola, quiero una cita').detectedLanguage).toBe('es');
    expect(u('Hi, I need an appointment').detectedLanguage).toBe('en');
    expect(u('12345').detectedLanguage).toBeNull();
    expect(u('español')).toMatchObject({ languageRequest: 'es', languageOnly: true });
    expect(u('in English please')).toMatchObject({ languageRequest: 'en', languageOnly: true });
    expect(u('en español, quiero una cita mañana')).toMatchObject({ languageRequest: 'es', languageOnly: false });
  });

  it('says when a message carries booking facts', () => {
    expect(hasBookingFacts(u('vaccination'))).toBe(true);
    expect(hasBookingFacts(u('tomorrow'))).toBe(true);
    expect(hasBookingFacts(u('hello'))).toBe(false);
  });

  it('copes with anything', () => {
    for (const text of ['', '   ', '😀', '<b>book</b>', 'كيف حالك', '你好', 'x'.repeat(5000), '\u0000']) {
      expect(() => u(text)).not.toThrow();
    }
    expect(u('<b>book</b>').intent).toBe('book');
    expect(u('').empty).toBe(true);
  });
});
