/**
 * Domain errors carry a stable code and the HTTP status they map to. Services throw these (never
 * Nest's HTTP exceptions); DomainErrorFilter turns them into JSON answers.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('VALIDATION_FAILED', message, 400, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`, 404);
  }
}

/** A dependency we cannot work without right now (Redis down, for example). */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super('UNAVAILABLE', message, 503);
  }
}
