import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a header and RFC 4180 rows: quotes, commas, line breaks, empty for null', () => {
    expect(toCsv([{ reason: 'Work, "urgent"', n: 2, rate: null }, { reason: 'two\nlines', n: 0, rate: 0.5 }]))
      .toBe('reason,n,rate\r\n"Work, ""urgent""",2,\r\n"two\nlines",0,0.5\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(toCsv([{ reason: '=HYPERLINK("x")' }, { reason: '-1' }])).toBe('reason\r\n"\'=HYPERLINK(""x"")"\r\n\'-1\r\n');
  });

  it('keeps negative numbers as numbers', () => {
    expect(toCsv([{ n: -3 }])).toBe('n\r\n-3\r\n');
  });
});
