import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AdminStaticModule } from './admin-static.module.js';
import { findConsoleBuild } from './admin-static.controller.js';

describe('AdminStaticModule (the console at /admin)', () => {
  let dir: string;
  let app: INestApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-build-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'outside-the-build.txt'), 'secret');
    const moduleRef = await Test.createTestingModule({ imports: [AdminStaticModule.forRoot(dir)] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /admin and /admin/, never cached', async () => {
    for (const path of ['/admin', '/admin/']) {
      const res = await request(app.getHttpServer()).get(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await request(app.getHttpServer()).get('/admin/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log(1)');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers app routes with index.html (single-page app fallback) but a missing asset with 404', async () => {
    const route = await request(app.getHttpServer()).get('/admin/calendar/week');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="root">');
    const missing = await request(app.getHttpServer()).get('/admin/assets/index-old.js');
    expect(missing.status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    const res = await request(app.getHttpServer()).get('/admin/..%2Foutside-the-build.txt');
    expect(res.text).not.toContain('secret');
    const dotted = await request(app.getHttpServer()).get('/admin/../../outside-the-build.txt');
    expect(dotted.text).not.toContain('secret');
  });

  it('registers no route when the console was not built', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AdminStaticModule.forRoot(null)] }).compile();
    const bare = moduleRef.createNestApplication({ logger: false });
    await bare.init();
    try {
      expect((await request(bare.getHttpServer()).get('/admin/')).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('finds admin/dist by walking up from a folder inside the repository', () => {
    const repo = mkdtempSync(join(tmpdir(), 'repo-'));
    mkdirSync(join(repo, 'admin', 'dist'), { recursive: true });
    mkdirSync(join(repo, 'dist', 'src', 'admin-static'), { recursive: true });
    writeFileSync(join(repo, 'admin', 'dist', 'index.html'), 'x');
    try {
      expect(findConsoleBuild(join(repo, 'dist', 'src', 'admin-static'))).toBe(join(repo, 'admin', 'dist'));
      rmSync(join(repo, 'admin', 'dist', 'index.html'));
      expect(findConsoleBuild(join(repo, 'dist', 'src', 'admin-static'))).toBeNull();
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
