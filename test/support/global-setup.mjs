import { spawnSync } from 'node:child_process';

// Jest loads global setup outside its ESM transform, so the TypeScript work runs in a child process.
// The run id (this process's pid) names the template databases; test files read it from the env.
export default function globalSetup() {
  const runId = String(process.pid);
  process.env.TEST_RUN_ID = runId;
  const root = new URL('../..', import.meta.url).pathname;
  const result = spawnSync('npx', ['tsx', 'test/support/prepare-templates.ts', runId], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('Preparing the test databases failed (see above).');
}
