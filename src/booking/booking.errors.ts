import { DomainError } from '../common/errors.js';

export interface AlternativeSlot { start: string; end: string; providerId: string; providerName: string; locationId: string | null; locationName: string | null }

/** The time is no longer free (another booking or hold got there first). Answers 409 with alternatives. */
export class SlotTakenError extends DomainError {
  constructor(readonly alternatives: AlternativeSlot[], readonly blockingAppointmentId?: string) {
    super('SLOT_TAKEN', 'That time is no longer available.', 409, {
      alternatives, ...(blockingAppointmentId ? { blockingAppointmentId } : {}),
    });
  }
}

/** The hold expired or belongs to someone else. Answers 410: place a new hold. */
export class HoldExpiredError extends DomainError {
  constructor() {
    super('HOLD_EXPIRED', 'The hold on this time has expired or is not yours; choose the time again.', 410);
  }
}

/** A clinic rule forbids the request (outside hours, too soon, new patients only…). Staff may override with a reason. */
export class PolicyViolationError extends DomainError {
  constructor(readonly rule: string, message: string) {
    super('POLICY_VIOLATION', message, 422, { rule });
  }
}

export class IllegalTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('ILLEGAL_TRANSITION', `An appointment that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`, 409, { from, to });
  }
}

export class IdempotencyConflictError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different request.', 422);
  }
}
