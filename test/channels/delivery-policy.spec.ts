import { insideCustomerServiceWindow, mayReachAddress } from '../../src/channels/delivery/delivery-policy.js';
import { canMoveTo, OUTBOUND_STATUSES, type OutboundStatus, statusesBelow } from '../../src/channels/delivery/message-status.js';

describe('delivery status order', () => {
  const cases: [current: string, next: OutboundStatus, moves: boolean][] = [
    ['queued', 'sent', true], ['sent', 'delivered', true], ['delivered', 'read', true], ['queued', 'read', true],
    ['read', 'delivered', false], ['read', 'sent', false], ['delivered', 'sent', false], ['sent', 'sent', false],
    ['sent', 'failed', true], ['queued', 'undelivered', true], ['delivered', 'failed', false], ['read', 'undelivered', false],
    // Positive proof of delivery wins over an earlier failure report.
    ['failed', 'delivered', true], ['undelivered', 'read', true], ['failed', 'undelivered', false],
    ['skipped', 'sent', false], ['skipped', 'read', false],
  ];
  it.each(cases)('%s → %s: %s', (current, next, moves) => {
    expect(canMoveTo(current, next)).toBe(moves);
    expect(statusesBelow(next).includes(current as OutboundStatus)).toBe(moves);
  });

  it('any sequence of callbacks ends at the highest-ranked status, whatever the order', () => {
    const apply = (seq: OutboundStatus[]) => seq.reduce<string>((s, n) => (canMoveTo(s, n) ? n : s), 'queued');
    const all: OutboundStatus[] = ['sent', 'delivered', 'read'];
    for (const order of [all, [...all].reverse(), ['delivered', 'sent', 'read'], ['read', 'sent', 'delivered']] as OutboundStatus[][]) expect(apply(order)).toBe('read');
    expect(apply(['failed', 'sent'])).toBe('failed');
    expect(OUTBOUND_STATUSES).toContain('skipped');
  });
});

describe('WhatsApp 24-hour window', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it.each([
    [null, false], [new Date('2026-11-21T11:00:00Z'), true], [new Date('2026-11-20T12:00:01Z'), true], [new Date('2026-11-20T12:00:00Z'), false], [new Date('2026-11-19T12:00:00Z'), false],
  ])('last inbound %s → inside %s', (last, inside) => {
    expect(insideCustomerServiceWindow(last, now)).toBe(inside);
  });
});

describe('opted-out addresses get only the STOP confirmation', () => {
  const optedOutAt = new Date('2026-11-21T12:00:00.050Z');
  const turnStart = new Date('2026-11-21T12:00:00.000Z');
  it.each([
    ['not opted out', { optedOutAt: null, message: { createdAt: turnStart, replyToId: null }, laterTurnBeforeOptOut: false }, true],
    ['the reply of the STOP turn', { optedOutAt, message: { createdAt: turnStart, replyToId: 'stop' }, laterTurnBeforeOptOut: false }, true],
    ['a reply created after the opt-out', { optedOutAt, message: { createdAt: new Date('2026-11-21T12:00:01Z'), replyToId: 'hi' }, laterTurnBeforeOptOut: false }, false],
    ['a reply of an earlier turn still queued', { optedOutAt, message: { createdAt: new Date('2026-11-21T11:59:59Z'), replyToId: 'x' }, laterTurnBeforeOptOut: true }, false],
    ['a reminder (no reply_to)', { optedOutAt, message: { createdAt: turnStart, replyToId: null }, laterTurnBeforeOptOut: false }, false],
    ['an old queued reply', { optedOutAt, message: { createdAt: new Date('2026-11-21T11:00:00Z'), replyToId: 'x' }, laterTurnBeforeOptOut: false }, false],
  ])('%s', (_name, facts, allowed) => {
    expect(mayReachAddress(facts).allowed).toBe(allowed);
  });
});
