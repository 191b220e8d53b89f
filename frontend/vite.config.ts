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
    rolldownOptions: {
      output: {
        // The ECharts core (with zrender) is a chunk of its own, shared by the lazily loaded charts (home
        // gauge, statistics): never in the first page's JavaScript, and named so the browser test can tell.
        // Axes, bars, pies and the other components stay with the statistics page that alone uses them.
        codeSplitting: {
          groups: [{
            name: 'echarts',
            test: (id: string) => /node_modules[\\/](echarts|zrender)[\\/]/.test(id)
              && !/echarts[\\/]lib[\\/](chart[\\/](bar|pie)|component|coord)[\\/]/.test(id),
          }],
        },
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
