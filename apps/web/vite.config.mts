/// <reference types="node" />
import path from 'node:path';
import { defineConfig } from 'vite';

// The api (apps/api) serves the built files from dist/web at `/`, with an SPA fallback to
// index.html for unknown non-API paths. In development, Vite serves the app and proxies the
// api's routes to a locally running api (npm start → http://localhost:3000).
const apiTarget = process.env.LMS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: path.resolve(import.meta.dirname, 'public'),
  // No React plugin: Vite 8 transforms TSX with oxc; the automatic runtime imports react/jsx-runtime.
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Many learners are on slow mobile connections: keep an eye on the bundle size.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" (for server components); harmless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
});
