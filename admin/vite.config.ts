import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The staff console. Production: `npm run build` writes admin/dist, which the API serves at /admin
// (src/admin-static). Development: `npm run dev` runs this dev server and proxies /api to the API.
// Vite 8 compiles TSX itself (oxc), so no React plugin is needed (and none is installed: the plugin's
// Babel 8 peer conflicts with Jest's Babel 7). Hot module replacement falls back to full reloads.
const apiTarget = process.env.CONSOLE_API_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // MUI and react-query mark modules "use client" (a server-components hint); meaningless here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.CONSOLE_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
