import { createHttpApp, createWorkerContext } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';

// The only place that reads process.env: everything else receives the validated AppConfig.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.role === 'worker') {
    await createWorkerContext(config);
    return;
  }
  // APP_ROLE=all runs the workers inside the API process (see AppModule); api runs HTTP only.
  const app = await createHttpApp(config);
  await app.listen(config.http.port, config.http.host);
}

void main();
