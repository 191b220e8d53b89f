/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Maven passes FRONTEND_OUT_DIR (frontend/target/classes/static); `npm run build` alone writes dist/.
const outDir = resolve(process.env.FRONTEND_OUT_DIR ?? 'dist');
// `npm run dev` proxies the API to a locally started platform.
const api = process.env.TECHMARKET_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // ECharts (and zrender) in one chunk named "echarts", loaded only by the lazy chart components;
        // with charts on several pages it would otherwise land in a shared chunk named after some module.
        manualChunks: (id: string) => (/node_modules\/(echarts|zrender)\//.test(id) ? 'echarts' : undefined),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
