import { HttpError } from 'react-admin';

/** The API's error answer: {statusCode, code, message, details?} (src/common/domain-error.filter.ts). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * An error answer from the API. Extends react-admin's HttpError so its notifications and forms show
 * `message`; `code` and `details` let screens say more (which appointment is in the way, which rule).
 */
export class ApiError extends HttpError {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: Partial<ApiErrorBody> | null, fallback: string) {
    super(body?.message || fallback, status, body ?? undefined);
    // HttpError resets the prototype to its own; restore ours so `instanceof ApiError` holds.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
    this.code = body?.code ?? (status === 0 ? 'NETWORK' : 'HTTP_ERROR');
    this.details = body?.details ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
