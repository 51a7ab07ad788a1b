import { transformFile } from '@swc/core';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const root = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');
const CACHE = join(root, '.cache/chaos-build');

/**
 * Compiles the app (src/, without specs) into its own folder under .cache/, so the chaos test runs
 * the compiled app as production does without touching dist/, which others use. SWC with the same
 * settings Jest uses (legacy decorators + decorator metadata, which Nest needs; tsx lacks the
 * metadata) takes seconds where tsc takes minutes on a busy machine; type-checking is `npm test`'s
 * job. The output folder is named after the sources' newest change, so an unchanged tree is reused.
 */
export async function buildApp(): Promise<string> {
  const sources = listTs(join(root, 'src')).filter((f) => !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'));
  const stamp = `${sources.length}-${Math.max(...sources.map((f) => statSync(f).mtimeMs)).toFixed(0)}`;
  const out = join(CACHE, stamp);
  const main = join(out, 'src/main.js');
  if (existsSync(main)) return main;
  const staging = `${out}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of sources) {
    const { code } = await transformFile(file, {
      jsc: {
        target: 'es2023',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
      },
      module: { type: 'es6' },
      sourceMaps: false,
    });
    const target = join(staging, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  // Another run may have finished the same build meanwhile; either copy is the same.
  if (existsSync(main)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, out);
  for (const old of readdirSync(CACHE)) if (old !== stamp && !old.includes('.tmp-')) rmSync(join(CACHE, old), { recursive: true, force: true });
  return main;
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? listTs(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}
