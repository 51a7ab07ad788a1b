import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';

/** The exact bytes the provider sent (Nest keeps them with `rawBody: true`, see bootstrap.ts). */
export function rawBodyOf(req: RawBodyRequest<Request>): Buffer {
  return req.rawBody ?? Buffer.alloc(0);
}

/** The URL the provider called, as it knows it: the configured public base URL + path + query (never the Host header). */
export function publicUrlOf(publicBaseUrl: string, req: Request): string {
  return `${publicBaseUrl}${req.originalUrl}`;
}
