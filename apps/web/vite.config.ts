import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where `vite` (dev) forwards API calls: the Concord server started with `npm run dev`. */
const API = process.env.CONCORD_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    // The contracts package ships TypeScript source ("exports": "./src/index.ts"); point at it directly so dev and build agree.
    alias: { '@concord/contracts': path.resolve(here, '../../packages/contracts/src/index.ts') },
  },
  build: {
    outDir: path.resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships `@__PURE__` comments in positions Rollup ignores; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: API, ws: true, changeOrigin: false },
      '/open-apis': { target: API, changeOrigin: false },
    },
  },
});
