import { pickChoice } from './choices.js';

const choices = [
  { id: 'a', label: 'First available' },
  { id: 'b', label: 'Dr. Patel' },
  { id: 'c', label: 'Dr. García' },
];

describe('pickChoice', () => {
  it.each([
    ['2', 'b'], ['2.', 'b'], ['#2', 'b'], ['option 2', 'b'], ['no. 3', 'c'], ['3)', 'c'], ['the second one', 'b'],
    ['second', 'b'], ['la segunda', 'b'], ['el primero', 'a'], ['last one', 'c'], ['dr. garcía', 'c'], ['First available', 'a'],
    ['opción 3', 'c'], [' 1 ', 'a'],
  ])('%s → %s', (text, id) => {
    expect(pickChoice(text, undefined, choices).id).toBe(id);
  });

  it('a tapped id wins over the text', () => {
    expect(pickChoice('Dr. Patel', 'c', choices).id).toBe('c');
  });

  it('ignores ids that were not offered and numbers out of range', () => {
    expect(pickChoice('hello', 'zzz', choices).id).toBeNull();
    expect(pickChoice('7', undefined, choices)).toEqual({ id: null, number: 7 });
    expect(pickChoice('2', undefined, []).id).toBeNull();
    expect(pickChoice('after 2', undefined, choices).id).toBeNull();
  });
});
