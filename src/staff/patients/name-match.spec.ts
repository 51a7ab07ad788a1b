import { nameMatches } from './name-match.js';

describe('patient name search', () => {
  it('matches every word, ignoring case, accents and order', () => {
    expect(nameMatches('Luis García', 'garcia')).toBe(true);
    expect(nameMatches('Luis García', 'GARCÍA luis')).toBe(true);
    expect(nameMatches('Luis García', 'garcia ana')).toBe(false);
    expect(nameMatches('Luis García', '   ')).toBe(false);
  });
});
