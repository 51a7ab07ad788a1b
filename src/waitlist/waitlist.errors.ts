import { DomainError } from '../common/errors.js';

/** The offer was already answered, withdrawn or its claim window ended. Answers 409. */
export class OfferClosedError extends DomainError {
  constructor() {
    super('OFFER_CLOSED', 'This waitlist offer has expired or was already answered.', 409);
  }
}

/** The entry is not waiting (booked, removed or already holding an offer). Answers 409. */
export class EntryNotWaitingError extends DomainError {
  constructor(status: string) {
    super('ENTRY_NOT_WAITING', `This waitlist entry is ${status}; only waiting entries can be offered a slot.`, 409, { status });
  }
}
