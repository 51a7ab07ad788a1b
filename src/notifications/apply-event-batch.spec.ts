import type { AppointmentEventJobData, AppointmentEventType } from '../queue/queues.js';
import { applyEventBatch } from './apply-event-batch.js';

const event = (outboxId: string, appointmentId: string, eventType: AppointmentEventType = 'appointment.booked'): AppointmentEventJobData =>
  ({ outboxId, clinicId: 'c', appointmentId, eventType, payload: {}, occurredAt: '2027-03-01T10:00:00.000Z' });

describe('applying a relay pass of booking events', () => {
  it('applies every event in outbox order', async () => {
    const applied: string[] = [];
    const outcome = await applyEventBatch([event('1', 'a'), event('2', 'b'), event('3', 'a', 'appointment.cancelled')], async (e) => { applied.push(e.outboxId); });
    expect(applied).toEqual(['1', '2', '3']);
    expect(outcome).toEqual({ left: [], firstError: null });
  });

  it('holds back the later events of an appointment whose event failed, and only those', async () => {
    const applied: string[] = [];
    const events = [event('1', 'a'), event('2', 'b'), event('3', 'a', 'appointment.cancelled'), event('4', 'c'), event('5', 'b', 'appointment.cancelled')];
    const outcome = await applyEventBatch(events, async (e) => {
      if (e.outboxId === '1') throw new Error('database unavailable');
      applied.push(e.outboxId);
    });
    // b's and c's events went ahead; a's cancellation did not overtake its failed booking.
    expect(applied).toEqual(['2', '4', '5']);
    expect(outcome.left.map((e) => e.outboxId)).toEqual(['1', '3']);
    expect(outcome.firstError?.message).toBe('database unavailable');
  });

  it('keeps the order of what is left when several appointments fail', async () => {
    const events = [event('1', 'a'), event('2', 'b'), event('3', 'a'), event('4', 'b'), event('5', 'c')];
    const outcome = await applyEventBatch(events, async (e) => {
      if (e.outboxId === '2') throw new Error('first');
      if (e.outboxId === '3') throw 'second, not an Error';
    });
    expect(outcome.left.map((e) => e.outboxId)).toEqual(['2', '3', '4']);
    expect(outcome.firstError?.message).toBe('first');
  });
});
