#!/usr/bin/env node
// `npm test`: install what is missing, make sure Postgres and Redis answer, then lint, type-check and
// run every test (unit, integration and e2e against real Postgres, Redis and HTTP).
import { devEnv, NO_PROVIDER_APIS } from './lib/env.mjs';
import { ensureChromium, ensureConsoleBuild, ensureInstalled, ensurePrismaClient, ensureServices, run, step } from './lib/setup.mjs';

// Tests talk only to this machine: provider APIs point at a closed local port unless a test starts
// its own fake of them (the channel e2e tests pass the fake's address).
const env = devEnv({ NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...NO_PROVIDER_APIS });
const jestArgs = process.argv.slice(2);

try {
  ensureInstalled();
  ensurePrismaClient();
  await ensureServices(env);
  if (jestArgs.length === 0) {
    step('Lint');
    run('npx', ['eslint', '.', '--max-warnings=0'], { env });
    step('Type-check');
    run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { env });
    step('Type-check the staff console');
    run('npx', ['tsc', '--noEmit', '-p', 'admin/tsconfig.json'], { env });
    run('npx', ['tsc', '--noEmit', '-p', 'admin/tsconfig.node.json'], { env });
    run('npx', ['tsc', '--noEmit', '-p', 'admin/tsconfig.spec.json'], { env });
  }
  // The browser test (test/browser) drives Debian's Chromium against the built console.
  ensureChromium();
  ensureConsoleBuild(env);
  step('Tests');
  // Jest's default on two cores is one worker, but the suites mostly wait (app start-ups, Postgres,
  // Redis, the browser) and each has its own database and Redis prefix, so two workers share the cores
  // well (whole suite on a 2-core machine: 701 s with one worker, 311 s with two, though that
  // machine's speed also drifted between the runs). `-w`/`--maxWorkers` on the command line wins.
  const workers = jestArgs.some((arg) => /^(-w|--maxWorkers)(=|$)/.test(arg)) ? [] : ['--maxWorkers=2'];
  run('npx', ['jest', ...workers, ...jestArgs], { env: { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() } });
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}
