import { turnSignals } from './funnel-signals.js';

/** Stages read from what one turn went through: dialog states (as persisted) and effects with results. */
const state = (value: unknown, rescheduleOf: unknown = null) => ({ version: 1, state: { value, context: { booking: { rescheduleOf } } } });
const slot = { serviceId: 's1', providerId: 'p1', locationId: 'l1' };

describe('turnSignals', () => {
  it('a booking flow: intent, slots shown only when a search found some, held, details complete, booked', () => {
    const signals = turnSignals(
      [state({ active: { booking: 'service' } }), state({ active: { booking: 'slots' } }), state({ active: { booking: 'confirm' } })],
      [
        { effect: { kind: 'searchSlots', criteria: { serviceId: 's1', providerId: null, locationId: null } }, result: { kind: 'searchSlots', ok: true, slots: [{}] } },
        { effect: { kind: 'placeHold', slot }, result: { kind: 'placeHold', ok: true } },
        { effect: { kind: 'book', slot, rescheduleOf: null }, result: { kind: 'book', ok: true, appointment: { appointmentId: 'a1' } } },
      ],
    );
    expect(signals).toEqual({
      intent: 'book', intentUnderstood: true, slotsShown: true, slotHeld: true, detailsGiven: true, booked: ['a1'], handedOff: false, optedOut: false,
      serviceId: 's1', providerId: 'p1', locationId: 'l1',
    });
  });

  it('an empty search, a failed hold and a failed booking reach nothing', () => {
    const signals = turnSignals([state({ active: { booking: 'searching' } })], [
      { effect: { kind: 'searchSlots', criteria: { serviceId: 's1' } }, result: { kind: 'searchSlots', ok: true, slots: [] } },
      { effect: { kind: 'placeHold', slot }, result: { kind: 'placeHold', ok: false } },
      { effect: { kind: 'book', slot, rescheduleOf: null }, result: { kind: 'book', ok: false } },
    ]);
    expect([signals.slotsShown, signals.slotHeld, signals.booked]).toEqual([false, false, []]);
    expect(signals.intentUnderstood).toBe(true);
  });

  it('a reschedule is its own intent and never a booking', () => {
    const signals = turnSignals([state({ active: { booking: 'confirm' } }, { appointmentId: 'old' })], [
      { effect: { kind: 'book', slot, rescheduleOf: 'old' }, result: { kind: 'book', ok: true, appointment: { appointmentId: 'new' } } },
    ]);
    expect(signals).toMatchObject({ intent: 'reschedule', intentUnderstood: false, detailsGiven: false, booked: [] });
  });

  it('other flows, handoff and opt-out', () => {
    expect(turnSignals([state({ active: 'appointments' })], []).intent).toBe('other');
    expect(turnSignals([state({ active: { cancel: 'confirm' } })], []).intent).toBe('other');
    expect(turnSignals([state('handoff')], [])).toMatchObject({ handedOff: true, intent: null });
    expect(turnSignals([state('optedOut')], [{ effect: { kind: 'optOut' }, result: { kind: 'optOut', ok: true } }]).optedOut).toBe(true);
  });

  it('ignores what it cannot read instead of failing the turn', () => {
    expect(turnSignals([null, 'x', { state: 42 }, { version: 1, state: { value: { active: { booking: 7 } } } }], [])).toMatchObject({ intent: 'book', detailsGiven: false });
  });
});
