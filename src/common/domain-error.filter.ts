import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from './errors.js';

export interface ErrorBody { statusCode: number; code: string; message: string; details?: Record<string, unknown> }

/**
 * The one place errors become HTTP answers: domain errors keep their code and status, Nest's own
 * HTTP exceptions (validation pipe, 404 routes) keep theirs, and anything else is a logged 500 whose
 * answer reveals nothing internal.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toBody(error);
    if (body.statusCode >= 500 && !(error instanceof DomainError)) {
      this.logger.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, 'unhandled error');
    }
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }
}

function toBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return { statusCode: error.status, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: string | string[] }).message;
    return { statusCode: status, code: httpCode(status), message: Array.isArray(message) ? message.join('; ') : (message ?? error.message) };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
}

function httpCode(status: number): string {
  return ({ 400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED' } as Record<number, string>)[status] ?? 'HTTP_ERROR';
}
