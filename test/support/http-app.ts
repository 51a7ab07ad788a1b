import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../../src/config/app-config.js';
import { createHttpApp } from '../../src/bootstrap.js';
import type { AppOptions } from '../../src/app.module.js';

export interface RunningApp { app: INestApplication; url: string; close(): Promise<void> }

/** Starts the real HTTP app on a free port of 127.0.0.1; tests talk to it with fetch. */
export async function startApp(config: AppConfig, options: AppOptions = {}): Promise<RunningApp> {
  const app = await createHttpApp(config, options);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
