import { parseDateOfBirth } from './dob.js';

const NOW = Date.parse('2026-11-23T14:00:00Z');
const NY = 'America/New_York';

describe('parseDateOfBirth', () => {
  it.each([
    ['12/03/1985', 'en', '1985-12-03'],
    ['12/03/1985', 'es', '1985-03-12'],
    ['25/03/1985', 'en', '1985-03-25'], // only one reading is a real month
    ['1985-03-12', 'en', '1985-03-12'],
    ['March 12 1985', 'en', '1985-03-12'],
    ['12 March 1985', 'en', '1985-03-12'],
    ['March 12th, 1985', 'en', '1985-03-12'],
    ['12 marzo 1985', 'es', '1985-03-12'],
    ['12 de marzo de 1985', 'es', '1985-03-12'],
    ['3-12-85', 'en', '1985-03-12'],
    ['1/1/05', 'en', '2005-01-01'],
    ['born on 29/02/2000', 'es', '2000-02-29'],
  ] as const)('%s (%s) → %s', (text, language, date) => {
    expect(parseDateOfBirth(text, language, NOW, NY)).toEqual({ ok: true, date });
  });

  it.each([
    ['yesterday-ish', 'unreadable'],
    ['1985', 'unreadable'],
    ['02/30/1985', 'impossible'],
    ['29/02/2001', 'impossible'],
    ['12/03/2099', 'future'],
    ['01/01/1890', 'too_old'],
  ] as const)('%s → %s', (text, problem) => {
    expect(parseDateOfBirth(text, 'en', NOW, NY)).toEqual({ ok: false, problem });
  });
});
