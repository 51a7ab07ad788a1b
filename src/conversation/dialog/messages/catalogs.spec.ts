import { en } from './en.js';
import { es } from './es.js';

describe('message catalogs', () => {
  it('have the same keys and vocabulary lists in both languages', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(es.vocab).sort()).toEqual(Object.keys(en.vocab).sort());
    expect(Object.keys(es.vocab.services).sort()).toEqual(Object.keys(en.vocab.services).sort());
    for (const catalog of [en, es]) {
      for (const [key, value] of Object.entries(catalog.vocab)) {
        if (Array.isArray(value)) expect([key, value.length > 0]).toEqual([key, true]);
      }
    }
  });

  it('never tell anyone to reply with a bare CANCEL (an SMS opt-out keyword)', () => {
    const texts = [en, es].flatMap((c) => [
      c.help('Riverside Family Clinic', '(212) 555-0100'), c.optedOut('Riverside Family Clinic'), c.cancelConfirm('Thu 26 Nov, 2:30 pm', 'Dr. Patel'),
      c.yesCancel, c.noKeep, c.menu.cancel, c.reminderChoices.cancel, c.reminder('Thu 26 Nov', '2:30 pm', 'Dr. Patel', 'Downtown'),
    ]);
    for (const text of texts) expect(text).not.toMatch(/\bCANCEL\b/);
    for (const label of [en.menu.cancel, es.menu.cancel, en.reminderChoices.cancel, en.yesCancel]) expect(label.trim().toLowerCase()).not.toBe('cancel');
  });
});
