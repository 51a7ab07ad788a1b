import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+12125550199', '+12125550199'],
    ['(212) 555-0199', '+12125550199'],
    ['whatsapp:+12125550199', '+12125550199'],
    ['12125550199', '+12125550199'],
    ['447700900123', '+447700900123'],
    ['+34 612 34 56 78', '+34612345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['', 'hello', '123', '+1', 'x'.repeat(100)])('rejects %p', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});
