import { DomainError } from '../common/errors.js';

/** No token, a bad or expired token, or a session that has ended. */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super('UNAUTHENTICATED', message, 401);
  }
}

/** The same answer for an unknown email and a wrong password, so neither can be probed. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'Wrong email or password.', 401);
  }
}

/** Rate limit or temporary account lock; the controller turns retryAfterSeconds into Retry-After. */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', 'Too many failed sign-in attempts. Try again later.', 429, { retryAfterSeconds });
  }
}

/** Signed in, but this role or these locations do not allow it. */
export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have access to this.') {
    super('FORBIDDEN', message, 403);
  }
}

/** Password change with a wrong current password (400, not 401: the session itself is fine). */
export class WrongPasswordError extends DomainError {
  constructor() {
    super('WRONG_PASSWORD', 'The current password is not correct.', 400);
  }
}
