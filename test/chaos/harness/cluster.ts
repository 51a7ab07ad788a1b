import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-app.js';

export interface AppInstance { name: string; role: 'api' | 'worker'; port: number | null; child: ChildProcess | null; starts: number }

/** Every child this process started, so an exit for any reason (failure, timeout, Ctrl-C) kills them. */
const everyChild = new Set<ChildProcess>();
process.once('exit', () => { for (const c of everyChild) c.kill('SIGKILL'); });

/**
 * The compiled app as separate processes: API instances (APP_ROLE=api) on their own ports and
 * workers (APP_ROLE=worker), each with its output in a log file of the run.
 */
export class Cluster {
  readonly instances: AppInstance[] = [];

  constructor(private readonly main: string, private readonly env: Record<string, string>, private readonly logDir: string) {
    mkdirSync(logDir, { recursive: true });
  }

  add(name: string, role: 'api' | 'worker', port: number | null): AppInstance {
    const instance: AppInstance = { name, role, port, child: null, starts: 0 };
    this.instances.push(instance);
    return instance;
  }

  get apis(): AppInstance[] { return this.instances.filter((i) => i.role === 'api'); }
  get workers(): AppInstance[] { return this.instances.filter((i) => i.role === 'worker'); }
  /** API instances that are running and answered /health since their last start. */
  liveApis(): AppInstance[] { return this.apis.filter((i) => i.child !== null && healthy.has(i)); }

  async start(instance: AppInstance): Promise<void> {
    instance.starts += 1;
    const log = openSync(join(this.logDir, `${instance.name}.log`), 'a');
    const child = spawn('node', [this.main], {
      cwd: root,
      env: { ...this.env, APP_ROLE: instance.role, ...(instance.port ? { PORT: String(instance.port), HOST: '127.0.0.1' } : {}) },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    everyChild.add(child);
    child.once('exit', () => { everyChild.delete(child); if (instance.child === child) { instance.child = null; healthy.delete(instance); } });
    instance.child = child;
    if (instance.role === 'api') await waitHealthy(instance);
  }

  /** kill -9, as a crashed machine or an OOM kill would. */
  kill(instance: AppInstance): Promise<void> {
    const child = instance.child;
    healthy.delete(instance);
    if (!child) return Promise.resolve();
    return new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.instances.map(async (i) => {
      const child = i.child;
      if (!child) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => { clearTimeout(timer); resolve(); });
        child.kill('SIGTERM');
      });
    }));
  }
}

const healthy = new Set<AppInstance>();

async function waitHealthy(instance: AppInstance): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (!instance.child) throw new Error(`${instance.name} exited while starting (see its log)`);
    if (await fetch(`http://127.0.0.1:${instance.port}/health`).then((r) => r.ok, () => false)) {
      healthy.add(instance);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${instance.name} did not become healthy within 90 s`);
}
