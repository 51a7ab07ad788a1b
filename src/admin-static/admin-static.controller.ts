import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

export const ADMIN_DIST_DIR = Symbol('ADMIN_DIST_DIR');

/** Walks up from this file (src/ or dist/src/) to the repository's admin/dist, if it was built. */
export function findConsoleBuild(from = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'admin', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Files of the console build, and index.html for any other path under /admin (the single-page app
 * routes itself). Hashed assets are cached for a year; index.html never, so a deploy shows at once.
 */
@ApiExcludeController()
@Controller('admin')
export class AdminStaticController {
  constructor(@Inject(ADMIN_DIST_DIR) private readonly dir: string) {}

  @Get()
  index(@Res() res: Response): void {
    this.sendIndex(res);
  }

  @Get('*path')
  file(@Param('path') path: string[] | string, @Res() res: Response): void {
    const relative = normalize(Array.isArray(path) ? path.join('/') : path);
    const file = join(this.dir, relative);
    // normalize() resolves "..": anything that would leave the build folder gets the app instead.
    const inside = file.startsWith(this.dir + sep) && isFile(file);
    if (inside) {
      const hashed = relative.startsWith(`assets${sep}`);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.sendFile(file);
      return;
    }
    // A missing asset is a 404 (a stale page asking for an old bundle); other paths are app routes.
    if (extname(relative) && relative.startsWith(`assets${sep}`)) {
      res.status(404).json({ statusCode: 404, code: 'NOT_FOUND', message: 'No such file in the console build' });
      return;
    }
    this.sendIndex(res);
  }

  private sendIndex(res: Response): void {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(this.dir, 'index.html'));
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
