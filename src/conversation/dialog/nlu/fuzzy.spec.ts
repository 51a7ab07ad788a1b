import { editDistance, findFuzzyRun, wordMatches } from './fuzzy.js';

describe('editDistance (restricted Damerau-Levenshtein)', () => {
  it.each([
    ['garcia', 'garcia', 0],
    ['garsia', 'garcia', 1],
    ['folow', 'follow', 1],
    ['kahn', 'khan', 1], // transposition counts once
    ['vacine', 'vaccine', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('wordMatches', () => {
  it.each([
    ['garsia', 'garcia', false, true],
    ['see', 'lee', false, false], // short words must match exactly
    ['short', 'shot', false, false],
    ['kahn', 'khan', true, true], // after a title, four-letter names allow one typo
    ['kahn', 'khan', false, false],
    ['patle', 'patel', false, true],
    ['hotel', 'patel', false, false], // first letters must agree
    ['seguimeinto', 'seguimiento', false, true],
  ])('%s ~ %s (lenient %s) → %s', (word, target, lenient, expected) => {
    expect(wordMatches(word, target, lenient)).toBe(expected);
  });
});

describe('findFuzzyRun', () => {
  it('finds a phrase as consecutive words', () => {
    expect(findFuzzyRun(['a', 'folow', 'up', 'please'], ['follow', 'up'])).toBe(1);
    expect(findFuzzyRun(['follow', 'the', 'up'], ['follow', 'up'])).toBe(-1);
    expect(findFuzzyRun([], ['x'])).toBe(-1);
  });
});
