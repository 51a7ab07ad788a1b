import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { mightNameADay, parseWhen } from './dates.js';


// Mon 23 Nov 2026, 9:00 am in New York.
const NOW = Date.parse('2026-11-23T14:00:00Z');
const NY = 'America/New_York';

describe('parseWhen', () => {
  it.each([
    ['tomorrow', 'en', { fromDate: '2026-11-24', toDate: '2026-11-24', partOfDay: null, notBeforeMinutes: null, singleDay: true }],
    ['tmrw morning', 'en', { fromDate: '2026-11-24', partOfDay: 'morning' }],
    ['Thursday after 2', 'en', { fromDate: '2026-11-26', toDate: '2026-11-26', notBeforeMinutes: 840 }],
    ['Thursday after 2pm', 'en', { fromDate: '2026-11-26', notBeforeMinutes: 840 }],
    ['next Tuesday afternoon', 'en', { fromDate: '2026-12-01', partOfDay: 'afternoon' }],
    ['Mon 30 Nov', 'en', { fromDate: '2026-11-30', toDate: '2026-11-30' }],
    ['next week', 'en', { fromDate: '2026-11-30', toDate: '2026-12-06', singleDay: false }],
    ['this afternoon', 'en', { fromDate: '2026-11-23', toDate: '2026-11-23', partOfDay: 'afternoon' }],
    ['any morning', 'en', { fromDate: '2026-11-23', toDate: '2026-11-29', partOfDay: 'morning', singleDay: false }],
    ['asap', 'en', { fromDate: '2026-11-23', toDate: '2026-11-29', singleDay: false }],
    ['Monday', 'en', { fromDate: '2026-11-30' }], // said on a Monday: next week's
    ['day after tomorrow', 'en', { fromDate: '2026-11-25' }],
    ['at 3', 'en', { notBeforeMinutes: 900 }],
    ['after lunch', 'en', { notBeforeMinutes: 780 }],
    ['good morning, can I book Friday', 'en', { fromDate: '2026-11-27', partOfDay: null }],
    ['el jueves', 'es', { fromDate: '2026-11-26' }],
    ['mañana', 'es', { fromDate: '2026-11-24', partOfDay: null }],
    ['por la mañana', 'es', { fromDate: '2026-11-23', toDate: '2026-11-29', partOfDay: 'morning' }],
    ['mañana por la tarde', 'es', { fromDate: '2026-11-24', partOfDay: 'afternoon' }],
    ['manana por la manana', 'es', { fromDate: '2026-11-24', partOfDay: 'morning' }],
    ['después de las 3', 'es', { notBeforeMinutes: 900 }],
    ['el viernes a partir de las 15:30', 'es', { fromDate: '2026-11-27', notBeforeMinutes: 930 }],
    ['pasado mañana', 'es', { fromDate: '2026-11-25' }],
    ['la semana que viene', 'es', { fromDate: '2026-11-30', toDate: '2026-12-06' }],
    ['30/11', 'es', { fromDate: '2026-11-30' }],
    ['Thursday', 'es', { fromDate: '2026-11-26' }], // the other language's parser is tried too
  ] as const)('%s (%s)', (text, language, expected) => {
    const { when, invalidDate } = parseWhen(text, language, NOW, NY);
    expect(invalidDate).toBe(false);
    expect(when).toMatchObject(expected);
  });

  it.each(['Feb 30', 'February 30th', '30 de febrero', '2/30', 'April 31'])('%s is an impossible date', (text) => {
    expect(parseWhen(text, 'en', NOW, NY)).toMatchObject({ when: null, invalidDate: true });
  });

  it.each(['I need a follow-up', 'the second one', '2', "I'll be 10 min late", 'may I book with Dr Patel', '120 Main St', 'I sat down and'])(
    '%s names no day', (text) => {
      const { when } = parseWhen(text, 'en', NOW, NY);
      expect(when === null || when.partOfDay !== null || when.fromDate === '2026-11-23').toBe(true);
      expect(when?.singleDay ?? false).toBe(false);
    },
  );

  it('reads a clock time for picking an offered slot', () => {
    expect(parseWhen('2:30 pm', 'en', NOW, NY).clock).toBe(870);
    expect(parseWhen('14:30', 'es', NOW, NY).clock).toBe(870);
    expect(parseWhen('2', 'en', NOW, NY).clock).toBeNull();
  });

  it('interprets "tomorrow" in the clinic zone, not UTC', () => {
    // 10:30 pm on Mon 23 Nov in New York is already Tuesday in UTC.
    const lateEvening = Date.parse('2026-11-24T03:30:00Z');
    expect(parseWhen('tomorrow', 'en', lateEvening, NY).when?.fromDate).toBe('2026-11-24');
    expect(parseWhen('tomorrow', 'en', lateEvening, 'Asia/Tokyo').when?.fromDate).toBe('2026-11-25');
  });

  it('crosses a DST change cleanly', () => {
    // Sat 7 Mar 2026, 11 pm EST; clocks go forward on Sunday 8 Mar.
    const beforeDst = Date.parse('2026-03-08T04:00:00Z');
    expect(parseWhen('tomorrow after 2', 'en', beforeDst, NY).when).toMatchObject({ fromDate: '2026-03-08', notBeforeMinutes: 840 });
  });
});

describe('mightNameADay (the gate in front of chrono)', () => {
  /** chrono's own dictionaries, read from the installed package (its exports do not expose them). */
  async function chronoWords(): Promise<string[]> {
    const words = new Set<string>();
    for (const locale of ['en', 'es']) {
      const file = new URL(`../../../../node_modules/chrono-node/dist/esm/locales/${locale}/constants.js`, import.meta.url);
      const constants = (await import(file.href)) as Record<string, Record<string, unknown> | undefined>;
      for (const name of ['WEEKDAY_DICTIONARY', 'MONTH_DICTIONARY', 'FULL_MONTH_NAME_DICTIONARY', 'TIME_UNIT_DICTIONARY']) {
        for (const key of Object.keys(constants[name] ?? {})) {
          for (const word of key.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().split(/\s+/)) words.add(word);
        }
      }
    }
    return [...words];
  }

  it('lets through every weekday, month and time unit chrono knows, in both languages', async () => {
    const words = await chronoWords();
    expect(words.length).toBeGreaterThan(100);
    expect(words.filter((word) => !mightNameADay(word))).toEqual([]);
  });

  it('lets through numeric dates and casual day words, and skips plain talk, choice numbers and bare times', () => {
    for (const text of ['30/11', '2026-11-26', 'tonight', 'tmrw', 'manana', 'esta noche', 'next week', 'el proximo martes', 'mon.']) expect(mightNameADay(text)).toBe(true);
    for (const text of ['help', 'yes please', 'first available', 'quiero una cita', 'thanks', 'book a follow up with dr patel', '1', '#2', 'at 3']) expect(mightNameADay(text)).toBe(false);
  });

  it('changes nothing chrono would have understood: whatever it skips, chrono finds no day in (random digits, separators and words)', () => {
    const now = new Date('2026-11-23T14:00:00Z');
    const token = fc.oneof(
      fc.integer({ min: 0, max: 9999 }).map(String), fc.constantFrom(' ', '/', '-', '.', ':', ', ', ' / '),
      fc.constantFrom('at', 'pm', 'am', 'the', 'de', 'el', 'la', 'please', 'book', 'yes', 'first', 'available', 'dr', 'patel', 'of', 'on', 'st', 'th', 'a las', 'hi', '#'),
    );
    fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim()), (text) => {
      if (mightNameADay(text)) return;
      const days = [...chrono.en.parse(text, now, { forwardDate: true }), ...chrono.es.parse(text, now, { forwardDate: true })]
        .filter((r) => r.start.isCertain('day') || r.start.isCertain('weekday') || r.start.isCertain('month'));
      expect(days.map((r) => r.text)).toEqual([]);
    }), { seed: 20261121, numRuns: 3_000 });
  });

});
