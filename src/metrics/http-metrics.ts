import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, LATENCY_BUCKETS } from './metrics.registry.js';

/** Per-route request counts and latency, and webhook requests refused for their signature. Process-local. */
@Injectable()
export class HttpMetrics {
  readonly requests = new Counter('http_requests_total', 'HTTP requests by method, route template and status code.');
  readonly latency = new Histogram('http_request_duration_seconds', 'HTTP request latency by method and route template, in seconds.', LATENCY_BUCKETS);
  readonly signatureFailures = new Counter('webhook_signature_failures_total', 'Provider webhooks refused because their signature was missing or wrong, by provider.');

  record(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
    // The signature guards answer 403 (src/channels/*/…-signature.guard.ts); nothing else on these routes does.
    const webhook = /^\/webhooks\/([a-z-]+)/.exec(route);
    if (webhook && status === 403) this.signatureFailures.inc({ provider: webhook[1]! });
  }

  render(): string[] {
    return [...this.requests.render(), ...this.latency.render(), ...this.signatureFailures.render()];
  }
}

/** Times every request; labels use the route template (never the raw path, which can hold a phone number). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      this.metrics.record(req.method, route, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  }
}
