import 'reflect-metadata';
import { type INestApplication, type INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { DomainErrorFilter } from './common/domain-error.filter.js';

/** Builds the HTTP application (used by main.ts and by the e2e tests, so both run the same app). */
export async function createHttpApp(config: AppConfig, options: AppOptions = {}): Promise<INestApplication> {
  // rawBody: webhook signatures (Meta's X-Hub-Signature-256, Twilio's) are checked over the exact bytes received.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true, bodyParser: true, rawBody: true });
  app.set('trust proxy', config.http.trustProxy);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Clinic booking API')
      .setDescription('Conversational appointment booking over WhatsApp and SMS: webhooks, availability, bookings and the staff API.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}

/** Builds the worker process: queues and timers, no HTTP listener. */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
